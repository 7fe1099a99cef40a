/// The one way Refract reads a JSON string literal's body (the counterpart of `JSONStringEscaper`): session
/// lines read without a JSON parser, and the hand-written provider fast paths (`JSONByteReader`).
public enum JSONStringUnescaper {
    /// Decodes a JSON string body; nil on a malformed escape, a bare quote or control byte, or invalid UTF-8.
    public static func unescape(_ body: UnsafeRawBufferPointer) -> String? {
        var hasEscape = false
        for c in body {
            if c == UInt8(ascii: "\\") {
                hasEscape = true
                break
            }
            if c == UInt8(ascii: "\"") || c < 0x20 { return nil }
        }
        if !hasEscape { return String(validating: body, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        while i < body.count {
            let c = body[i]
            if c == UInt8(ascii: "\"") || c < 0x20 { return nil }
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                i += 1
                continue
            }
            guard i + 1 < body.count else { return nil }
            let e = body[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(body, i) else { return nil }
                i += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard i + 6 <= body.count, body[i] == UInt8(ascii: "\\"), body[i + 1] == UInt8(ascii: "u"),
                          let low = hex4(body, i + 2), (0xDC00..<0xE000).contains(low) else { return nil }
                    i += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    return nil
                }
                guard let u = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: String(Character(u)).utf8)
            default:
                return nil
            }
        }
        return out.withUnsafeBytes { String(validating: $0, as: UTF8.self) }
    }

    private static func hex4(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in at..<(at + 4) {
            let c = b[k]
            let d: UInt8
            switch c {
            case 48...57: d = c - 48
            case 65...70: d = c - 55
            case 97...102: d = c - 87
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }
}
