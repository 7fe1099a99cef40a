/// The Unicode bidirectional formatting controls, which can reorder what the user sees
/// ("Trojan Source"); the app shows them as visible markers and never applies them.
public enum BidiControl {
    /// True for U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C.
    @inlinable
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// The short name shown in the marker (`RLO` for U+202E), nil for other scalars.
    public static func name(of scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x202A: "LRE"
        case 0x202B: "RLE"
        case 0x202C: "PDF"
        case 0x202D: "LRO"
        case 0x202E: "RLO"
        case 0x2066: "LRI"
        case 0x2067: "RLI"
        case 0x2068: "FSI"
        case 0x2069: "PDI"
        case 0x200E: "LRM"
        case 0x200F: "RLM"
        case 0x061C: "ALM"
        default: nil
        }
    }

    /// The visible marker for a bidi control: `⟦RLO⟧`.
    public static func marker(for scalar: Unicode.Scalar) -> String? {
        name(of: scalar).map { "⟦\($0)⟧" }
    }
}
