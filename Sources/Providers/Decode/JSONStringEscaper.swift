import Foundation

/// The one way Refract writes a string as a JSON string literal (session lines, `--json` output, `refract
/// decode`, benchmark reports): `"` and `\` escaped, control characters and DEL as `\n`-style or `\u00XX`
/// escapes, U+2028 and U+2029 as `\u2028`/`\u2029` (some line readers split on them), everything else as
/// raw UTF-8 so `jq` and editors show the text as it is. Works on the UTF-8 bytes, copying runs that need
/// no escape in one go.
public enum JSONStringEscaper {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `string` as a quoted JSON string literal to `out`.
    public static func append(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = string
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                let c = bytes[i]
                let isSeparator = c == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
                guard c < 0x20 || c == 0x7F || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || isSeparator else {
                    i += 1
                    continue
                }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                out.append(UInt8(ascii: "\\"))
                if isSeparator {
                    out.append(contentsOf: Array("u202".utf8) + [bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")])
                    i += 3
                    runStart = i
                    continue
                }
                switch c {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]])
                }
                i += 1
                runStart = i
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `string` as a quoted JSON string literal.
    public static func quoted(_ string: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count + 2)
        append(string, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The escaped form of `string` without the surrounding quotes (to look for it inside encoded lines).
    public static func escapedBody(_ string: String) -> [UInt8] {
        var out: [UInt8] = []
        append(string, to: &out)
        return Array(out.dropFirst().dropLast())
    }
}
