/// An image drawn with half-block characters: each cell shows two pixels, the upper as the foreground
/// of `▀` and the lower as its background, so a preview needs no terminal graphics protocol.
public struct BlockImage: Widget, Equatable {
    public var image: RGBAImage
    public var depth: ColorDepth

    public init(image: RGBAImage, depth: ColorDepth) {
        self.image = image
        self.depth = depth
    }

    /// The cell size that fits `area` keeping the aspect ratio (a cell is about twice as tall as wide,
    /// and holds two pixel rows), never larger than one cell per pixel.
    public static func fit(width: Int, height: Int, into area: Rect) -> (columns: Int, rows: Int) {
        guard width > 0, height > 0, area.width > 0, area.height > 0 else { return (0, 0) }
        let scale = min(Double(area.width) / Double(width), Double(area.height * 2) / Double(height), 1)
        return (max(1, Int(Double(width) * scale)), max(1, Int((Double(height) * scale / 2).rounded(.up))))
    }

    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard depth != .none else { return }
        let (columns, rows) = Self.fit(width: image.width, height: image.height, into: area)
        guard columns > 0, rows > 0 else { return }
        let pixelRows = rows * 2
        for row in 0..<rows {
            for column in 0..<columns {
                let x0 = column * image.width / columns, x1 = (column + 1) * image.width / columns
                func color(_ pixelRow: Int) -> Color {
                    let y0 = pixelRow * image.height / pixelRows, y1 = (pixelRow + 1) * image.height / pixelRows
                    guard y0 < image.height else { return .default }
                    let (r, g, b) = image.average(x0: x0, y0: y0, x1: x1, y1: y1)
                    return PaletteColor.nearest(r, g, b, depth: depth)
                }
                var style = Style.plain
                style.foreground = color(row * 2)
                style.background = color(row * 2 + 1)
                buffer.write("▀", x: area.x + column, y: area.y + row, style: style, maxX: area.maxX)
            }
        }
    }
}
