/// A terminal colour after theme resolution: the terminal's default, or a palette index.
public enum Color: Sendable, Hashable {
    case `default`
    /// 0–15 are the ANSI colours, 16–255 the xterm 256-colour palette.
    case indexed(UInt8)
}

/// How many colours the terminal can show (decided once, at start).
public enum ColorDepth: Int, Sendable, Comparable, Codable {
    /// `NO_COLOR` or a monochrome terminal: attributes only.
    case none = 0
    case ansi16 = 16
    case palette256 = 256

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
