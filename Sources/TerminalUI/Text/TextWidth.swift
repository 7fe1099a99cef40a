/// Display width of graphemes, as the terminal will draw them.
public enum TextWidth {
    /// Columns one grapheme takes: 0 (combining, zero-width), 1, or 2 (wide).
    public static func of(_ grapheme: Character) -> Int {
        guard let first = grapheme.unicodeScalars.first else { return 0 }
        return of(scalar: first)
    }

    /// Columns one scalar takes on its own. (Placeholder ranges; replaced by the generated table.)
    public static func of(scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v) { return 2 }
        return 1
    }

    /// Columns a whole string takes.
    public static func of(_ text: some StringProtocol) -> Int {
        var n = 0
        for g in text { n += of(g) }
        return n
    }
}
