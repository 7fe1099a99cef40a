import Foundation

/// Parses the canonical text and reasoning lines this module writes, without a JSON parser:
/// `{"type":"text","run":3,"ms":120,"text":"…"}`. Anything else returns nil (callers fall back to `Codable`).
enum DeltaLineParser {
    // StaticStrings, not arrays: these are compared on every line of a file, and a static array
    // costs a lazy-initialisation check and a retain each time.
    private static var textHead: StaticString { #"{"type":"text","run":"# }
    private static var reasoningHead: StaticString { #"{"type":"reasoning","run":"# }
    private static var toolCallHead: StaticString { #"{"type":"tool_call","run":"# }
    private static var msKey: StaticString { #","ms":"# }
    private static var textKey: StaticString { #","text":""# }

    static func parse(_ line: UnsafeRawBufferPointer) -> SessionEvent? {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: "\n") || line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var i = 0
        let isText: Bool
        if starts(line, textHead, at: 0) {
            isText = true
            i = textHead.utf8CodeUnitCount
        } else if starts(line, reasoningHead, at: 0) {
            isText = false
            i = reasoningHead.utf8CodeUnitCount
        } else {
            return nil
        }
        guard let run = integer(line, &i, end), starts(line, msKey, at: i) else { return nil }
        i += msKey.utf8CodeUnitCount
        guard let ms = integer(line, &i, end), starts(line, textKey, at: i) else { return nil }
        i += textKey.utf8CodeUnitCount
        // The string body ends at the last `"`, which must be followed by the closing brace only.
        guard end - i >= 2, line[end - 1] == UInt8(ascii: "}"), line[end - 2] == UInt8(ascii: "\"") else { return nil }
        guard let text = unescape(UnsafeRawBufferPointer(rebasing: line[i..<(end - 2)])) else { return nil }
        let delta = DeltaEvent(run: run, ms: ms, text: text)
        return isText ? .text(delta) : .reasoning(delta)
    }

    static func starts(_ line: UnsafeRawBufferPointer, _ head: StaticString, at offset: Int) -> Bool {
        let n = head.utf8CodeUnitCount
        guard offset >= 0, line.count - offset >= n, let base = line.baseAddress else { return n == 0 }
        return memcmp(base + offset, head.utf8Start, n) == 0
    }

    private static func integer(_ line: UnsafeRawBufferPointer, _ i: inout Int, _ end: Int) -> Int? {
        var negative = false
        if i < end, line[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let start = i
        var value = 0
        while i < end, line[i] >= 48, line[i] <= 57, i - start < 18 {
            value = value * 10 + Int(line[i] - 48)
            i += 1
        }
        guard i > start, i < end, line[i] < 48 || line[i] > 57 else { return nil }
        return negative ? -value : value
    }

    /// Decodes a JSON string body; nil on a malformed escape, a bare quote or control byte, or invalid UTF-8.
    static func unescape(_ body: UnsafeRawBufferPointer) -> String? {
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

extension DeltaLineParser {
    private static var runKey: StaticString { #"","run":"# }

    /// The run number of a canonical line (`{"type":"…","run":N`), read without parsing the rest.
    static func peekRun(_ line: UnsafeRawBufferPointer) -> Int? {
        // `{"type":"` is 9 bytes; the type name is short.
        var i = 9
        while i < line.count, i < 40, line[i] != UInt8(ascii: "\"") { i += 1 }
        guard starts(line, runKey, at: i) else { return nil }
        i += runKey.utf8CodeUnitCount
        return integer(line, &i, line.count)
    }

    /// The run of a canonical text, reasoning or tool-call line; nil for any other line.
    /// This is the test the index runs on nearly every line, so it is two `memcmp`s and a number.
    static func deltaRun(_ line: UnsafeRawBufferPointer) -> Int? {
        var i: Int
        if starts(line, textHead, at: 0) {
            i = textHead.utf8CodeUnitCount
        } else if starts(line, reasoningHead, at: 0) {
            i = reasoningHead.utf8CodeUnitCount
        } else if starts(line, toolCallHead, at: 0) {
            i = toolCallHead.utf8CodeUnitCount
        } else {
            return nil
        }
        return integer(line, &i, line.count)
    }
}
