import Foundation
import Providers

/// The members of one JSON object located in a byte buffer, without decoding any of them.
///
/// The index reads the few fields a summary needs from thousands of lines; `JSONDecoder` spends
/// ~30 µs a line on Codable machinery, this ~1 µs. Anything it does not understand returns nil and
/// the caller falls back to `Codable`, which also produces the error message.
struct JSONObjectView {
    /// Where a member's value sits, and what kind of value it is.
    enum Span {
        case string(Range<Int>, hasEscapes: Bool)
        case number(Range<Int>)
        case bool(Bool)
        case null
        case object(Range<Int>)
        case array(Range<Int>)
    }

    let bytes: UnsafeRawBufferPointer
    private var members: [(key: Range<Int>, value: Span)] = []

    /// Parses the object spanning `range` of `bytes` (the whole buffer by default).
    init?(_ bytes: UnsafeRawBufferPointer, range: Range<Int>? = nil) {
        self.bytes = bytes
        members.reserveCapacity(12)
        let range = range ?? 0..<bytes.count
        var i = range.lowerBound
        let end = range.upperBound
        Self.skipSpace(bytes, &i, end)
        guard i < end, bytes[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        Self.skipSpace(bytes, &i, end)
        if i < end, bytes[i] == UInt8(ascii: "}") { return }
        while i < end {
            guard bytes[i] == UInt8(ascii: "\""), let key = Self.scanString(bytes, &i, end) else { return nil }
            Self.skipSpace(bytes, &i, end)
            guard i < end, bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            Self.skipSpace(bytes, &i, end)
            guard let value = Self.scanValue(bytes, &i, end) else { return nil }
            members.append((key.range, value))
            Self.skipSpace(bytes, &i, end)
            guard i < end else { return nil }
            if bytes[i] == UInt8(ascii: "}") { return }
            guard bytes[i] == UInt8(ascii: ",") else { return nil }
            i += 1
            Self.skipSpace(bytes, &i, end)
        }
        return nil
    }

    /// The value of `key` (compared byte for byte; keys with escapes never match).
    func value(_ key: String) -> Span? {
        var key = key
        return key.withUTF8 { k in
            for member in members where member.key.count == k.count {
                var same = true
                for (offset, byte) in k.enumerated() where bytes[member.key.lowerBound + offset] != byte {
                    same = false
                    break
                }
                if same { return member.value }
            }
            return nil
        }
    }

    func string(_ key: String) -> String? {
        guard case .string(let r, let escaped)? = value(key) else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: bytes[r])
        return escaped ? JSONStringUnescaper.unescape(body) : String(validating: body, as: UTF8.self)
    }

    /// The start of a string: at most `maxBytes` of it, cut back to a character boundary.
    func stringPrefix(_ key: String, maxBytes: Int) -> String? {
        guard case .string(let r, let escaped)? = value(key) else { return nil }
        if escaped || r.count <= maxBytes { return string(key) }
        var cut = r.lowerBound + maxBytes
        while cut > r.lowerBound, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return String(validating: UnsafeRawBufferPointer(rebasing: bytes[r.lowerBound..<cut]), as: UTF8.self)
    }

    func int(_ key: String) -> Int? {
        guard case .number(let r)? = value(key) else { return nil }
        var v = 0
        var negative = false
        for (k, c) in UnsafeRawBufferPointer(rebasing: bytes[r]).enumerated() {
            if k == 0, c == UInt8(ascii: "-") {
                negative = true
                continue
            }
            guard c >= 48, c <= 57, k < 19 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return negative ? -v : v
    }

    func double(_ key: String) -> Double? {
        guard case .number(let r)? = value(key) else { return nil }
        return Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[r]), as: UTF8.self))
    }

    /// True when the key is absent or null (an optional field left out).
    func isAbsent(_ key: String) -> Bool {
        switch value(key) {
        case nil, .null?: true
        default: false
        }
    }

    /// The nested object under `key`.
    func object(_ key: String) -> JSONObjectView? {
        guard case .object(let r)? = value(key) else { return nil }
        return JSONObjectView(bytes, range: r)
    }

    static func skipSpace(_ b: UnsafeRawBufferPointer, _ i: inout Int, _ end: Int) {
        while i < end, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    /// Scans a string starting at its opening quote; returns the body's range.
    /// `memchr` finds the closing quote, so long prompts are skipped at memory speed.
    static func scanString(_ b: UnsafeRawBufferPointer, _ i: inout Int, _ end: Int) -> (range: Range<Int>, escaped: Bool)? {
        guard let base = b.baseAddress else { return nil }
        let start = i + 1
        var from = start
        while from < end {
            guard let hit = memchr(base + from, Int32(UInt8(ascii: "\"")), end - from) else { return nil }
            let q = base.distance(to: UnsafeRawPointer(hit))
            // A quote preceded by an odd number of backslashes is escaped.
            var slashes = 0
            while q - slashes - 1 >= start, b[q - slashes - 1] == UInt8(ascii: "\\") { slashes += 1 }
            if slashes % 2 == 0 {
                i = q + 1
                let escaped = memchr(base + start, Int32(UInt8(ascii: "\\")), q - start) != nil
                return (start..<q, escaped)
            }
            from = q + 1
        }
        return nil
    }

    private static func scanValue(_ b: UnsafeRawBufferPointer, _ i: inout Int, _ end: Int) -> Span? {
        guard i < end else { return nil }
        switch b[i] {
        case UInt8(ascii: "\""):
            guard let s = scanString(b, &i, end) else { return nil }
            return .string(s.range, hasEscapes: s.escaped)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let open = b[i]
            let start = i
            var depth = 0
            while i < end {
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    guard scanString(b, &i, end) != nil else { return nil }
                    continue
                }
                if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { depth += 1 }
                if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return open == UInt8(ascii: "{") ? .object(start..<i) : .array(start..<i)
                    }
                }
                i += 1
            }
            return nil
        case UInt8(ascii: "t"): return literal(b, &i, end, "true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal(b, &i, end, "false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal(b, &i, end, "null") ? .null : nil
        default:
            let start = i
            while i < end {
                let c = b[i]
                guard (c >= 48 && c <= 57) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
                    || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") else { break }
                i += 1
            }
            return i > start ? .number(start..<i) : nil
        }
    }

    private static func literal(_ b: UnsafeRawBufferPointer, _ i: inout Int, _ end: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard end - i >= n else { return false }
        let p = word.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        i += n
        return true
    }
}

extension JSONObjectView {
    /// How many members the object has.
    var count: Int { members.count }

    /// The member names, in file order.
    var keys: [String] {
        members.map { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[$0.key]), as: UTF8.self) }
    }

    /// The strings of an array of strings under `key`; nil when anything else is in it.
    func strings(_ key: String) -> [String]? {
        guard case .array(let r)? = value(key) else { return nil }
        var out: [String] = []
        var i = r.lowerBound + 1
        let end = r.upperBound - 1
        while true {
            Self.skipSpace(bytes, &i, end)
            guard i < end else { return out }
            guard bytes[i] == UInt8(ascii: "\""), let s = Self.scanString(bytes, &i, end) else { return nil }
            let body = UnsafeRawBufferPointer(rebasing: bytes[s.range])
            guard let text = s.escaped ? JSONStringUnescaper.unescape(body) : String(validating: body, as: UTF8.self) else { return nil }
            out.append(text)
            Self.skipSpace(bytes, &i, end)
            if i < end {
                guard bytes[i] == UInt8(ascii: ",") else { return nil }
                i += 1
            }
        }
    }

    /// Every member whose value is a string, decoded, in file order (an object of `name: value` pairs).
    var stringMembers: [(key: String, value: String)] {
        members.compactMap { member in
            guard case .string(let r, let escaped) = member.value else { return nil }
            let key = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[member.key]), as: UTF8.self)
            let body = UnsafeRawBufferPointer(rebasing: bytes[r])
            guard let value = escaped ? JSONStringUnescaper.unescape(body) : String(validating: body, as: UTF8.self) else { return nil }
            return (key, value)
        }
    }
}
