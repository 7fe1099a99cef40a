/// A box outline with an optional title on the left of the top edge and another on the right:
/// `┌ Title ──────── right ┐`. Titles that do not fit are shortened with `…` (the right one first).
public struct Border: Widget {
    public var lines: BoxLines
    public var style: Style
    public var title: String?
    public var rightTitle: String?
    public var titleStyle: Style
    public var rightTitleStyle: Style

    public init(
        lines: BoxLines = .plain, style: Style = .plain, title: String? = nil, rightTitle: String? = nil,
        titleStyle: Style? = nil, rightTitleStyle: Style? = nil
    ) {
        self.lines = lines
        self.style = style
        self.title = title
        self.rightTitle = rightTitle
        self.titleStyle = titleStyle ?? style
        self.rightTitleStyle = rightTitleStyle ?? titleStyle ?? style
    }

    /// The area inside the outline.
    public static func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard area.width >= 2, area.height >= 2 else { return }
        let x0 = area.x, x1 = area.maxX - 1, y0 = area.y, y1 = area.maxY - 1
        func put(_ ch: Character, _ x: Int, _ y: Int) { buffer.set(x: x, y: y, Cell(String(ch), style: style), clip: area) }
        put(lines.topLeft, x0, y0)
        put(lines.topRight, x1, y0)
        put(lines.bottomLeft, x0, y1)
        put(lines.bottomRight, x1, y1)
        for x in (x0 + 1)..<x1 {
            put(lines.horizontal, x, y0)
            put(lines.horizontal, x, y1)
        }
        if y1 > y0 + 1 {
            for y in (y0 + 1)..<y1 {
                put(lines.vertical, x0, y)
                put(lines.vertical, x1, y)
            }
        }
        drawTitles(in: area, into: &buffer)
    }

    /// Titles sit one cell in from the corners with a space on each side.
    private func drawTitles(in area: Rect, into buffer: inout CellBuffer) {
        let room = area.width - 2
        var left = title.map { " \($0) " } ?? ""
        var right = rightTitle.map { " \($0) " } ?? ""
        if TextWidth.of(left) + TextWidth.of(right) > room {
            let rightRoom = room - TextWidth.of(left) - 1
            right = rightRoom >= 5 ? TextTruncation.truncate(right, toWidth: rightRoom) : ""
            if TextWidth.of(left) > room { left = TextTruncation.truncate(left, toWidth: room) }
        }
        let clip = Rect(x: area.x + 1, y: area.y, width: room, height: 1)
        if !left.isEmpty {
            buffer.write(left, x: area.x + 1, y: area.y, style: titleStyle, maxX: clip.maxX)
        }
        if !right.isEmpty {
            let x = area.maxX - 1 - TextWidth.of(right)
            buffer.write(right, x: x, y: area.y, style: rightTitleStyle, maxX: clip.maxX)
        }
    }
}
