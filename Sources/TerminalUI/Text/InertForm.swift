/// The visible stand-in for a scalar that must not reach the terminal as itself.
public enum InertForm {
    /// The text shown for `scalar` inside an inert span: Control Pictures for C0 and DEL, ␛ plus
    /// the 7-bit form for C1, a `⟦RLO⟧` marker for bidi controls, U+FFFD for what glibc cannot
    /// print, nothing for ZWJ/VS16, and the scalar itself otherwise.
    public static func text(for scalar: Unicode.Scalar) -> String {
        var bytes: [UInt8] = []
        append(scalarValue: scalar.value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of `text(for:)` to `out`.
    static func append(scalarValue v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0x1B:
            appendScalar(0x241B, to: &out)
        case 0x00..<0x20:
            appendScalar(0x2400 + v, to: &out)
        case 0x7F:
            appendScalar(0x2421, to: &out)
        case 0x80...0x9F:
            appendScalar(0x241B, to: &out)
            out.append(UInt8(v - 0x40))
        case 0x200D, 0xFE0F:
            break
        default:
            guard let scalar = Unicode.Scalar(v) else { return appendScalar(0xFFFD, to: &out) }
            if let marker = BidiControl.marker(for: scalar) {
                out.append(contentsOf: marker.utf8)
            } else if TextWidth.rawWidth(v) < 0 {
                appendScalar(0xFFFD, to: &out)
            } else {
                appendScalar(v, to: &out)
            }
        }
    }

    private static func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(v) else { return }
        out.append(contentsOf: String(scalar).utf8)
    }
}
