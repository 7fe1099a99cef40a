/// The xterm 256-colour palette as RGB, for mapping 256-colour values down to the 16 ANSI colours.
enum Palette {
    /// xterm's default RGB for the 16 ANSI colours.
    static let ansi: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func rgb(_ index: UInt8) -> (Int, Int, Int) {
        let i = Int(index)
        if i < 16 { return ansi[i] }
        if i < 232 {
            let levels = [0, 95, 135, 175, 215, 255]
            let c = i - 16
            return (levels[c / 36], levels[(c / 6) % 6], levels[c % 6])
        }
        let g = 8 + 10 * (i - 232)
        return (g, g, g)
    }

    /// The ANSI colour (0–15) closest to a palette index.
    static func nearestANSI(to index: UInt8) -> UInt8 {
        if index < 16 { return index }
        let (r, g, b) = rgb(index)
        var best = 0
        var bestDistance = Int.max
        for (i, c) in ansi.enumerated() {
            let d = (r - c.0) * (r - c.0) + (g - c.1) * (g - c.1) + (b - c.2) * (b - c.2)
            if d < bestDistance { bestDistance = d; best = i }
        }
        return UInt8(best)
    }
}
