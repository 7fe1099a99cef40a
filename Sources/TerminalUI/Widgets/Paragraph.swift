/// Wrapped text shown from a scroll offset (the first visual row drawn).
///
/// Keep the `WrappedText` at the area's width (`setWidth`) so drawing costs only the visible rows;
/// if the widths differ the paragraph re-wraps a copy for this frame.
public struct Paragraph: Widget {
    public var text: WrappedText
    public var scroll: Int
    public var theme: ResolvedTheme
    /// The role for text outside any span.
    public var baseRole: ThemeRole

    public init(_ text: WrappedText, scroll: Int = 0, theme: ResolvedTheme, baseRole: ThemeRole = .responseText) {
        self.text = text
        self.scroll = scroll
        self.theme = theme
        self.baseRole = baseRole
    }

    /// A paragraph of plain text (sanitised here), wrapped to the area when drawn.
    public init(plain: String, scroll: Int = 0, theme: ResolvedTheme, baseRole: ThemeRole = .text) {
        var wrapped = WrappedText(width: 1)
        wrapped.append(TextSanitizer.sanitize(plain))
        self.init(wrapped, scroll: scroll, theme: theme, baseRole: baseRole)
    }

    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        var wrapped = text
        if wrapped.width != area.width { wrapped.setWidth(area.width) }
        let base = theme[baseRole]
        buffer.fill(area, with: Cell(" ", style: base))
        let first = min(max(0, scroll), max(0, wrapped.lineCount - 1))
        let last = min(wrapped.lineCount, first + area.height)
        guard first < last else { return }
        var spanIndex = wrapped.spanIndex(atOrAfter: wrapped.lines[first].range.lowerBound)
        let spans = wrapped.spans
        // The style of the span last looked up: one theme lookup (a dictionary find) per span per
        // row instead of one per cell, which was the largest cost of drawing a frame.
        var memo: (span: Int, style: Style)?
        for row in first..<last {
            let line = wrapped.lines[row]
            RowPainter.draw(
                wrapped.text, range: line.range, x: area.x, y: area.y + row - first, maxX: area.maxX,
                tabWidth: wrapped.wrapper.tabWidth, into: &buffer
            ) { offset in
                while let i = spanIndex, spans[i].range.upperBound <= offset {
                    spanIndex = i + 1 < spans.count ? i + 1 : nil
                }
                guard let i = spanIndex, spans[i].range.contains(offset) else { return base }
                if let memo, memo.span == i { return memo.style }
                let style = theme[spans[i].role]
                memo = (i, style)
                return style
            }
        }
    }
}
