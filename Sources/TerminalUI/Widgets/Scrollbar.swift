/// A one-column vertical scrollbar: a thumb sized and placed by what part of the content is visible.
public struct Scrollbar: Widget {
    public var total: Int
    public var offset: Int
    public var visible: Int
    public var style: Style
    public var track: Character
    public var thumb: Character

    public init(total: Int, offset: Int, visible: Int, style: Style = .plain, track: Character = "│", thumb: Character = "┃") {
        self.total = total
        self.offset = offset
        self.visible = visible
        self.style = style
        self.track = track
        self.thumb = thumb
    }

    /// Rows of the thumb within a bar `height` rows tall, nil when everything is visible.
    public func thumbRows(height: Int) -> Range<Int>? {
        guard total > visible, height > 0 else { return nil }
        let size = max(1, height * visible / total)
        let maxOffset = max(1, total - visible)
        let start = (height - size) * min(max(0, offset), maxOffset) / maxOffset
        return start..<(start + size)
    }

    /// Draws in the first column of `area`; nothing when all content is visible.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard let rows = thumbRows(height: area.height), area.width > 0 else { return }
        for row in 0..<area.height {
            buffer.set(x: area.x, y: area.y + row, Cell(String(rows.contains(row) ? thumb : track), style: style), clip: area)
        }
    }
}
