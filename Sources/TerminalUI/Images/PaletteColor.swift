/// The nearest terminal palette colour to an RGB value, for drawing images with character cells.
public enum PaletteColor {
    private static let levels: [Int] = [0, 95, 135, 175, 215, 255]
    /// xterm's default values for the 16 ANSI colours.
    private static let ansi: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The closest xterm-256 index (the 6×6×6 cube or the 24 greys), or the closest ANSI colour at 16.
    public static func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8, depth: ColorDepth) -> Color {
        let (r, g, b) = (Int(r), Int(g), Int(b))
        func distance(_ c: (Int, Int, Int)) -> Int {
            let dr = r - c.0, dg = g - c.1, db = b - c.2
            return 2 * dr * dr + 4 * dg * dg + 3 * db * db
        }
        switch depth {
        case .none: return .default
        case .ansi16:
            let index = ansi.indices.min { distance(ansi[$0]) < distance(ansi[$1]) }!
            return .indexed(UInt8(index))
        case .palette256:
            func level(_ v: Int) -> Int { levels.indices.min { abs(levels[$0] - v) < abs(levels[$1] - v) }! }
            let (ri, gi, bi) = (level(r), level(g), level(b))
            let cube = (levels[ri], levels[gi], levels[bi])
            let grey = max(0, min(23, ((r + g + b) / 3 - 3) / 10))
            let greyValue = 8 + 10 * grey
            if distance((greyValue, greyValue, greyValue)) < distance(cube) { return .indexed(UInt8(232 + grey)) }
            return .indexed(UInt8(16 + 36 * ri + 6 * gi + bi))
        }
    }
}
