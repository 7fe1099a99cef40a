import Foundation

/// A colour as a theme file gives it: the terminal's default or a palette index.
public enum ThemeColor: Sendable, Hashable {
    case `default`
    case index(UInt8)

    /// The resolved terminal colour.
    public var color: Color {
        switch self {
        case .default: .default
        case .index(let i): .indexed(i)
        }
    }

    /// The nearest of the 16 ANSI colours (for a 256-colour value on a 16-colour terminal).
    public var approximated16: ThemeColor {
        switch self {
        case .default: .default
        case .index(let i): .index(Palette.nearestANSI(to: i))
        }
    }

    /// The 16 ANSI colour names theme files may use for `fg16`/`bg16`, by index.
    public static let ansiNames: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// The ANSI index for a colour name (`bright-blue`, `brightblue`, `bright_blue`, `gray`, `grey`).
    public static func ansiIndex(named name: String) -> UInt8? {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "gray", "grey": return 8
        case "bright-gray", "bright-grey": return 7
        default: break
        }
        if let i = ansiNames.firstIndex(of: key) { return UInt8(i) }
        if let i = ansiNames.firstIndex(of: key.replacingOccurrences(of: "bright", with: "bright-")) { return UInt8(i) }
        return nil
    }
}
