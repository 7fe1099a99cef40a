import Foundation
import Providers
import TerminalUI

/// The answer as tokens shaded by how sure the model was (`p` in the response pane): sure tokens plain,
/// unsure ones in the warning colour, unlikely ones in the error colour and underlined (readable with
/// `NO_COLOR`); a token cursor, and below it the alternatives at the cursor as bars with the answer's
/// mean log-probability, perplexity and least sure token. The alternative picked with ↑/↓ is the one
/// Enter branches from; in a branch, the token it was started with is marked.
struct TokenProbabilityView: Widget {
    var tokens: [TokenLogprob]
    var cursor: Int
    var theme: ResolvedTheme
    /// The alternative at the cursor that Enter would branch from.
    var picked = 0
    /// In a branch: the index of the token the branch put in place.
    var branchStart: Int?
    /// The branch tree this answer is in, on one line (nil when it has none).
    var branches: String?
    /// A comparison column: no cursor and no panel, rows from `scroll` (nil: the last rows), and the
    /// answer's figures on the last line.
    var column = false
    var scroll: Int?

    /// Probability bands: at or above `sure` plain, below `unlikely` marked.
    static let sure = 0.8
    static let unlikely = 0.4

    func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty, !tokens.isEmpty else { return }
        if column {
            let text = Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1)
            drawTokens(in: text, cursor: -1, into: &buffer)
            let line = Self.figuresLine(figures, least: "least")
            buffer.write(TextTruncation.truncate(line, toWidth: area.width), x: area.x, y: area.maxY - 1, style: theme[.responseMeta], maxX: area.maxX)
            return
        }
        let cursor = min(max(0, cursor), tokens.count - 1)
        let panelHeight = area.height >= 12 ? min(6 + (branches == nil ? 0 : 1) + tokens[cursor].top.count, area.height / 2) : (area.height >= 4 ? 2 : 0)
        let text = Rect(x: area.x, y: area.y, width: area.width, height: area.height - panelHeight)
        drawTokens(in: text, cursor: cursor, into: &buffer)
        if panelHeight > 0 {
            drawPanel(in: Rect(x: area.x, y: text.maxY, width: area.width, height: panelHeight), cursor: cursor, into: &buffer)
        }
    }

    func style(_ p: Double) -> Style {
        if p >= Self.sure { return theme[.responseText] }
        if p >= Self.unlikely { return theme[.warning] }
        var s = theme[.error]
        s.attributes.insert(.underline)
        return s
    }

    /// Lays the tokens out with wrapping (newlines break lines), then shows the rows around the cursor.
    /// Two passes so a long answer stays cheap: where every token starts (arithmetic only, for ASCII),
    /// then drawing only the tokens on the rows shown.
    private func drawTokens(in area: Rect, cursor: Int, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        var starts: [(row: Int, col: Int)] = []
        starts.reserveCapacity(tokens.count)
        var row = 0, col = 0, cursorRow = 0
        for (index, token) in tokens.enumerated() {
            starts.append((row, col))
            Self.advance(token.token, row: &row, col: &col, width: area.width)
            if index == cursor { cursorRow = row }
        }
        let last = max(0, row - area.height + 1)
        let top = column ? min(scroll ?? last, last) : max(0, min(cursorRow - area.height / 2, last))
        let bottom = top + area.height
        // The first token that ends on or after the top row.
        var first = 0
        while first + 1 < tokens.count, starts[first + 1].row < top { first += 1 }
        for index in first..<tokens.count where starts[index].row < bottom {
            let token = tokens[index]
            var style = index == branchStart ? theme[.paneTitleFocused] : style(token.probability)
            if index == branchStart { style.attributes.insert(.underline) }
            if index == cursor { style.attributes.insert(.reverse) }
            var (r, c) = starts[index]
            func put(_ text: String, _ width: Int) {
                if r >= top && r < bottom { buffer.write(text, x: area.x + c, y: area.y + r - top, style: style, maxX: area.maxX) }
                c += width
            }
            let pieces = token.token.split(separator: "\n", omittingEmptySubsequences: false)
            for (n, piece) in pieces.enumerated() {
                if n > 0 {
                    if index == cursor { put("⏎", 0) }
                    r += 1
                    c = 0
                }
                for ch in TextSanitizer.plainSanitized(String(piece)) {
                    let w = max(1, TextWidth.of(ch))
                    if c + w > area.width {
                        r += 1
                        c = 0
                    }
                    put(String(ch), w)
                }
            }
        }
    }

    /// The answer's mean log-probability and least sure token (a typed token, without one, left out).
    var figures: (mean: Double, least: TokenLogprob) { Self.figures(of: tokens) }

    /// "mean logprob -0.55 · perplexity 1.74 · least “ sky” 20%": the answer's figures on one line.
    static func figuresLine(_ f: (mean: Double, least: TokenLogprob), least label: String) -> String {
        "mean logprob \(String(format: "%.2f", f.mean)) · perplexity \(String(format: "%.2f", exp(-f.mean))) · \(label) \(quoted(f.least.token)) \(ProbabilityText.percent(f.least.probability))"
    }

    /// The same for any answer's tokens (the meter shows them too); `tokens` must not be empty.
    static func figures(of tokens: [TokenLogprob]) -> (mean: Double, least: TokenLogprob) {
        var sum = 0.0, count = 0
        var least = tokens[0]
        var leastValue = Double.infinity
        for t in tokens where t.logprob.isFinite {
            sum += t.logprob
            count += 1
            if t.logprob < leastValue {
                leastValue = t.logprob
                least = t
            }
        }
        return (sum / Double(max(1, count)), least)
    }

    /// Moves (row, col) past `text` as `drawTokens` lays it out; printable ASCII without allocating.
    static func advance(_ text: String, row: inout Int, col: inout Int, width: Int) {
        if !text.utf8.contains(where: { $0 >= 0x7F || ($0 < 0x20 && $0 != 0x0A) }) {
            for byte in text.utf8 {
                if byte == 0x0A {
                    row += 1
                    col = 0
                    continue
                }
                if col + 1 > width {
                    row += 1
                    col = 0
                }
                col += 1
            }
            return
        }
        for (n, piece) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if n > 0 {
                row += 1
                col = 0
            }
            for ch in TextSanitizer.plainSanitized(String(piece)) {
                let w = max(1, TextWidth.of(ch))
                if col + w > width {
                    row += 1
                    col = 0
                }
                col += w
            }
        }
    }

    private func drawPanel(in area: Rect, cursor: Int, into buffer: inout CellBuffer) {
        let token = tokens[cursor]
        let said = token.logprob.isFinite ? "\(ProbabilityText.percent(token.probability)) (logprob \(String(format: "%.2f", token.logprob)))" : "(typed: no probability)"
        let branched = cursor == branchStart ? " · the branch starts here" : ""
        var lines: [(String, ThemeRole)] = [
            (String(repeating: "─", count: area.width), .paneBorder),
            ("token \(cursor + 1)/\(tokens.count) \(Self.quoted(token.token)) \(said)\(branched)", .paneTitleFocused),
            // A typed token has no probability: the answer's figures are the model's own tokens'.
            (Self.figuresLine(figures, least: "least sure"), .responseMeta),
            ("←/→ token · ↑/↓ pick · Enter branch from it · b type one · B branches", .textDim),
            // The legend names the marks as well as the colours, so it reads with NO_COLOR and 16 colours.
            ("shading: ≥80% plain · 40–80% warning colour · <40% error colour, underlined", .textDim),
        ]
        if let branches { lines.insert((branches, .responseMeta), at: 3) }
        let nameWidth = min(25, max(9, (token.top.map { TextWidth.of(Self.quoted($0.token)) }.max() ?? 8) + 3))
        let barWidth = max(4, min(30, area.width - nameWidth - 10))
        let picked = min(max(0, picked), max(0, token.top.count - 1))
        for (index, alternative) in token.top.enumerated() {
            let p = exp(alternative.logprob)
            let bar = ProbabilityText.bar(p, width: barWidth)
            // › the pick Enter branches from; ▸ the token the answer has here.
            let mark = (index == picked ? "›" : " ") + (alternative.token == token.token ? "▸ " : "  ")
            let name = TextTruncation.truncate(Self.quoted(alternative.token), toWidth: nameWidth - 3)
            lines.append((mark + name + String(repeating: " ", count: max(1, nameWidth - TextWidth.of(name))) + bar + " " + ProbabilityText.percent(p),
                          index == picked ? .listSelected : .overlayText))
        }
        if token.top.isEmpty { lines.append(("  no alternatives were asked for (--logprobs 0)", .textDim)) }
        for (i, line) in lines.prefix(area.height).enumerated() {
            buffer.write(TextTruncation.truncate(line.0, toWidth: area.width), x: area.x, y: area.y + i, style: theme[line.1], maxX: area.maxX)
        }
    }

    static func quoted(_ token: String) -> String {
        "“" + TextSanitizer.plainSanitized(token).replacingOccurrences(of: "\n", with: "⏎") + "”"
    }
}
