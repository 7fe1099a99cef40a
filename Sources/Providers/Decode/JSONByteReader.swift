/// A strict reader of JSON text on its UTF-8 bytes, for hand-written fast paths beside `JSONDecoder`.
///
/// It accepts only what `JSONDecoder` accepts, and gives up (throws `Unusual`) on anything it is not sure
/// of — a lone surrogate escape, `\u0000`, deep nesting, an integer that does not fit — so the caller can
/// fall back to the full decoder and get exactly its answer. Skipped values are validated too: a chunk the
/// full decoder would reject for a malformed field it ignores must not be accepted here.
struct JSONByteReader {
    /// Not understood here: use the full decoder.
    struct Unusual: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next significant byte, without consuming it.
    mutating func peek() throws(Unusual) -> UInt8 {
        skipSpace()
        guard i < bytes.count else { throw Unusual() }
        return bytes[i]
    }

    /// Consumes `null` when it comes next.
    mutating func null() throws(Unusual) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// Only whitespace may follow the value.
    mutating func end() throws(Unusual) {
        skipSpace()
        guard i == bytes.count else { throw Unusual() }
    }

    /// An object, member by member: `member` reads (or skips) each value after its key.
    mutating func object(_ member: (inout JSONByteReader, String) throws(Unusual) -> Void) throws(Unusual) {
        try open(UInt8(ascii: "{"))
        defer { depth -= 1 }
        if try peek() == UInt8(ascii: "}") { i += 1; return }
        while true {
            guard try peek() == UInt8(ascii: "\"") else { throw Unusual() }
            let key = try string()
            guard try peek() == UInt8(ascii: ":") else { throw Unusual() }
            i += 1
            try member(&self, key)
            if try closes(UInt8(ascii: "}")) { return }
        }
    }

    /// An array, element by element.
    mutating func array(_ element: (inout JSONByteReader) throws(Unusual) -> Void) throws(Unusual) {
        try open(UInt8(ascii: "["))
        defer { depth -= 1 }
        if try peek() == UInt8(ascii: "]") { i += 1; return }
        while true {
            try element(&self)
            if try closes(UInt8(ascii: "]")) { return }
        }
    }

    /// A string or null.
    mutating func optionalString() throws(Unusual) -> String? {
        try null() ? nil : string()
    }

    /// A string value, escapes decoded by `JSONStringUnescaper` (the session reader's decoder too).
    mutating func string() throws(Unusual) -> String {
        guard try peek() == UInt8(ascii: "\"") else { throw Unusual() }
        i += 1
        let start = i
        var escaped = false
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            if bytes[i] == UInt8(ascii: "\\") {
                escaped = true
                i += 2
                continue
            }
            guard bytes[i] >= 0x20 else { throw Unusual() }
            i += 1
        }
        guard i < bytes.count else { throw Unusual() }
        let body = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        i += 1
        // The text came from a String, so it is valid UTF-8: without escapes it is copied as it is.
        guard escaped else { return String(decoding: body, as: UTF8.self) }
        // `\u0000` is left to the full decoder, which this reader must never contradict.
        guard let text = JSONStringUnescaper.unescape(body), !text.utf8.contains(0) else { throw Unusual() }
        return text
    }

    /// A plain integer (no fraction or exponent) of at most 18 digits.
    mutating func int() throws(Unusual) -> Int {
        let range = try number()
        guard range.count <= 18 else { throw Unusual() }
        var value = 0
        var negative = false
        for c in bytes[range] {
            if c == UInt8(ascii: "-") { negative = true; continue }
            guard c >= 0x30, c <= 0x39 else { throw Unusual() }
            value = value * 10 + Int(c - 0x30)
        }
        return negative ? -value : value
    }

    /// Skips any value, checking its syntax.
    mutating func skipValue() throws(Unusual) {
        switch try peek() {
        case UInt8(ascii: "{"): try object { r, _ throws(Unusual) in try r.skipValue() }
        case UInt8(ascii: "["): try array { r throws(Unusual) in try r.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }

    // MARK: - Pieces

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func open(_ bracket: UInt8) throws(Unusual) {
        // JSONDecoder has its own depth limit; far below it, nothing a chunk needs is this deep.
        guard try peek() == bracket, depth < 64 else { throw Unusual() }
        i += 1
        depth += 1
    }

    /// After a member or element: true at the closing bracket, false after a comma.
    private mutating func closes(_ bracket: UInt8) throws(Unusual) -> Bool {
        let c = try peek()
        i += 1
        if c == bracket { return true }
        guard c == UInt8(ascii: ",") else { throw Unusual() }
        return false
    }

    private mutating func literal(_ word: StaticString) throws(Unusual) {
        let n = word.utf8CodeUnitCount
        guard bytes.count - i >= n else { throw Unusual() }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw Unusual() }
        i += n
    }

    /// The bytes of a number in strict JSON syntax: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func number() throws(Unusual) -> Range<Int> {
        skipSpace()
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw Unusual() }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { try digits() }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            try digits()
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            try digits()
        }
        return start..<i
    }

    private mutating func digits() throws(Unusual) {
        guard i < bytes.count, isDigit(bytes[i]) else { throw Unusual() }
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
