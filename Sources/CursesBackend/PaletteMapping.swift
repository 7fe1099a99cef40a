import TerminalUI

/// Maps a theme `Color` to a curses colour number the terminal can show.
///
/// Styles arrive already resolved for the colour depth; this only guards against an index the
/// terminal does not have (a 256-colour index on an 8-colour terminal becomes the nearest ANSI colour).
struct PaletteMapping: Sendable, Hashable {
    /// `COLORS` of the terminal (0 when colour is off).
    let colors: Int
    /// `use_default_colors` succeeded, so -1 means "the terminal's own colour".
    let hasDefaultColors: Bool

    func number(for color: Color, foreground: Bool) -> Int32 {
        switch color {
        case .default:
            if hasDefaultColors { return -1 }
            return foreground ? 7 : 0
        case .indexed(let index):
            let i = Int(index)
            if i < colors { return Int32(i) }
            return Int32(Self.nearestANSI(i, limit: min(max(colors, 1), 16)))
        }
    }

    /// The xterm default RGB values of the 16 ANSI colours.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// RGB of an xterm 256-colour index.
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        if index < 16 { return ansiRGB[max(0, index)] }
        if index < 232 {
            let levels = [0, 95, 135, 175, 215, 255]
            let n = index - 16
            return (levels[n / 36], levels[(n / 6) % 6], levels[n % 6])
        }
        let gray = 8 + 10 * (min(index, 255) - 232)
        return (gray, gray, gray)
    }

    /// The closest of the first `limit` ANSI colours to an xterm index.
    static func nearestANSI(_ index: Int, limit: Int) -> Int {
        let (r, g, b) = rgb(index)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<min(limit, 16) {
            let (cr, cg, cb) = ansiRGB[candidate]
            let distance = (r - cr) * (r - cr) + (g - cg) * (g - cg) + (b - cb) * (b - cb)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }
}
