/// A highlighted part of one editor line: graphemes `range` drawn in `role` (e.g. `{{variables}}`).
public struct EditorHighlight: Sendable, Hashable {
    public var range: Range<Int>
    public var role: ThemeRole

    public init(range: Range<Int>, role: ThemeRole) {
        self.range = range
        self.role = role
    }
}

/// Draws a `TextEditorState` into a rectangle: the visible rows (scrolled so the cursor shows), the
/// cursor line, the selection, inert controls, optional highlights, and a placeholder when empty.
/// `render` also puts the terminal cursor in the buffer when the editor is focused.
public struct TextEditorView: Widget {
    public var state: TextEditorState
    public var theme: ResolvedTheme
    public var placeholder: String
    public var focused: Bool
    /// Extra styling per line (line index, graphemes) → highlights; see `variableHighlights`.
    public var highlighter: (@Sendable (Int, [Character]) -> [EditorHighlight])?

    public init(
        state: TextEditorState, theme: ResolvedTheme, placeholder: String = "", focused: Bool = true,
        highlighter: (@Sendable (Int, [Character]) -> [EditorHighlight])? = nil
    ) {
        self.state = state
        self.theme = theme
        self.placeholder = placeholder
        self.focused = focused
        self.highlighter = highlighter
    }

    /// Marks `{{name}}` spans in `editor.variable`.
    public static let variableHighlights: @Sendable (Int, [Character]) -> [EditorHighlight] = { _, chars in
        var out: [EditorHighlight] = []
        var i = 0
        while i + 1 < chars.count {
            if chars[i] == "{", chars[i + 1] == "{" {
                var j = i + 2
                while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}"), chars[j] != "{" { j += 1 }
                if j + 1 < chars.count, chars[j] == "}", chars[j + 1] == "}" {
                    out.append(EditorHighlight(range: i..<(j + 2), role: .editorVariable))
                    i = j + 2
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// The state this view draws, laid out for `area` (wrap width = area width, height = area height).
    private func laidOut(for area: Rect) -> TextEditorState {
        var s = state
        if s.wrapWidth != area.width || s.viewHeight != area.height { s.setViewport(width: area.width, height: area.height) }
        return s
    }

    /// Where the terminal cursor goes when the editor fills `area`.
    public func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        guard !area.isEmpty else { return nil }
        let s = laidOut(for: area)
        let (row, column) = s.cursorVisualPosition
        let y = row - s.scrollTop
        guard y >= 0, y < area.height else { return nil }
        return (area.x + min(column, area.width - 1), area.y + y)
    }

    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let s = laidOut(for: area)
        let text = theme[.editorText]
        let cursorLine = theme[.editorCursorLine]
        let selected = theme[.editorSelection]
        let inert = theme[.editorInert]
        buffer.fill(area, with: Cell(" ", style: text))

        if s.isEmpty, !placeholder.isEmpty {
            let rows = WordWrapper(width: area.width).wrappedStrings(placeholder)
            for (i, row) in rows.prefix(area.height).enumerated() {
                buffer.write(row, x: area.x, y: area.y + i, style: theme[.editorPlaceholder], maxX: area.maxX)
            }
            if focused, let cursor = cursorPosition(in: area) { buffer.cursor = cursor }
            return
        }

        let selection = s.selection
        var highlightCache: [Int: [EditorHighlight]] = [:]
        for (i, row) in s.visualRows(from: s.scrollTop, count: area.height).enumerated() {
            let y = area.y + i
            let chars = s.lines[row.line]
            let onCursorLine = focused && row.line == s.cursorPosition.line
            let rowBase = onCursorLine ? cursorLine : text
            if onCursorLine { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: rowBase)) }
            let highlights: [EditorHighlight]
            if let highlighter {
                if let cached = highlightCache[row.line] {
                    highlights = cached
                } else {
                    highlights = highlighter(row.line, chars)
                    highlightCache[row.line] = highlights
                }
            } else {
                highlights = []
            }
            var x = area.x
            var column = 0
            for j in row.start..<row.end {
                let g = chars[j]
                let isSelected = selection.map { $0.contains(TextPosition(line: row.line, column: j)) } ?? false
                var style = isSelected ? selected : rowBase
                if !isSelected, let h = highlights.first(where: { $0.range.contains(j) }) { style = style.accented(by: theme[h.role]) }
                if g == "\t" {
                    let w = EditorGlyph.width(of: g, atColumn: column, tabWidth: s.tabWidth)
                    buffer.fill(Rect(x: x, y: y, width: min(w, area.maxX - x), height: 1), with: Cell(" ", style: style))
                    x += w
                    column += w
                    continue
                }
                let glyph = EditorGlyph.of(g)
                if glyph.isInert { style = style.accented(by: inert) }
                let clip = Rect(x: area.x, y: y, width: area.width, height: 1)
                DisplayClusters.forEach(in: glyph.text) { cluster, w in
                    buffer.set(x: x, y: y, Cell(cluster, width: UInt8(w), style: style), clip: clip)
                    x += w
                }
                column += glyph.width
            }
            // A selected line break shows as one selected cell after the line's text.
            if let selection, row.isLastOfLine, row.line < s.lines.count - 1,
                selection.contains(TextPosition(line: row.line, column: chars.count)), x < area.maxX
            {
                buffer.set(x: x, y: y, Cell(" ", style: selected))
            }
        }
        if focused, let cursor = cursorPosition(in: area) { buffer.cursor = cursor }
    }
}
