import Foundation
import Providers
import TerminalUI

/// The answer as tokens shaded by how sure the model was (`p` in the response pane): sure tokens plain,
/// unsure ones in the warning colour, unlikely ones in the error colour and underlined (readable with
/// `NO_COLOR`); a token cursor, and below it the alternatives at the cursor as bars with the answer's
/// mean log-probability, perplexity and least sure token.
struct TokenProbabilityView: Widget {
    var tokens: [TokenLogprob]
    var cursor: Int
    var theme: ResolvedTheme

    /// Probability bands: at or above `sure` plain, below `unlikely` marked.
    static let sure = 0.8
    static let unlikely = 0.4

    func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty, !tokens.isEmpty else { return }
        let cursor = min(max(0, cursor), tokens.count - 1)
        let panelHeight = area.height >= 12 ? min(4 + (tokens[cursor].top.count), area.height / 2) : (area.height >= 4 ? 2 : 0)
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
    private func drawTokens(in area: Rect, cursor: Int, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        var cells: [(row: Int, col: Int, text: String, style: Style)] = []
        var row = 0, col = 0, cursorRow = 0
        for (index, token) in tokens.enumerated() {
            var style = style(token.probability)
            if index == cursor {
                style.attributes.insert(.reverse)
                cursorRow = row
            }
            let pieces = token.token.split(separator: "\n", omittingEmptySubsequences: false)
            for (n, piece) in pieces.enumerated() {
                if n > 0 {
                    if index == cursor { cells.append((row, col, "⏎", style)) }
                    row += 1
                    col = 0
                }
                for ch in TextSanitizer.plainSanitized(String(piece)) {
                    let w = max(1, TextWidth.of(ch))
                    if col + w > area.width {
                        row += 1
                        col = 0
                    }
                    cells.append((row, col, String(ch), style))
                    col += w
                }
            }
            if index == cursor { cursorRow = max(cursorRow, row) }
        }
        let top = max(0, min(cursorRow - area.height / 2, row - area.height + 1))
        for cell in cells where cell.row >= top && cell.row < top + area.height {
            buffer.write(cell.text, x: area.x + cell.col, y: area.y + cell.row - top, style: cell.style, maxX: area.maxX)
        }
    }

    private func drawPanel(in area: Rect, cursor: Int, into buffer: inout CellBuffer) {
        let token = tokens[cursor]
        let mean = tokens.map(\.logprob).reduce(0, +) / Double(tokens.count)
        let least = tokens.min { $0.logprob < $1.logprob } ?? token
        var lines: [(String, ThemeRole)] = [
            (String(repeating: "─", count: area.width), .paneBorder),
            ("token \(cursor + 1)/\(tokens.count) \(Self.quoted(token.token)) \(Self.percent(token.probability)) (logprob \(String(format: "%.2f", token.logprob)))  ←/→ move", .paneTitleFocused),
            ("mean logprob \(String(format: "%.2f", mean)) · perplexity \(String(format: "%.2f", exp(-mean))) · least sure \(Self.quoted(least.token)) \(Self.percent(least.probability))", .responseMeta),
        ]
        let nameWidth = min(24, max(8, (token.top.map { TextWidth.of(Self.quoted($0.token)) }.max() ?? 8) + 2))
        let barWidth = max(4, min(30, area.width - nameWidth - 10))
        for alternative in token.top {
            let p = exp(alternative.logprob)
            let filled = Int((p * Double(barWidth)).rounded())
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: max(0, barWidth - filled))
            let mark = alternative.token == token.token ? "▸ " : "  "
            let name = TextTruncation.truncate(Self.quoted(alternative.token), toWidth: nameWidth - 2)
            lines.append((mark + name + String(repeating: " ", count: max(1, nameWidth - TextWidth.of(name))) + bar + " " + Self.percent(p), .overlayText))
        }
        if token.top.isEmpty { lines.append(("  no alternatives were asked for (--logprobs 0)", .textDim)) }
        for (i, line) in lines.prefix(area.height).enumerated() {
            buffer.write(TextTruncation.truncate(line.0, toWidth: area.width), x: area.x, y: area.y + i, style: theme[line.1], maxX: area.maxX)
        }
    }

    static func quoted(_ token: String) -> String {
        "“" + TextSanitizer.plainSanitized(token).replacingOccurrences(of: "\n", with: "⏎") + "”"
    }

    static func percent(_ p: Double) -> String {
        p >= 0.995 ? "100%" : (p < 0.005 ? "<1%" : "\(Int((p * 100).rounded()))%")
    }
}
