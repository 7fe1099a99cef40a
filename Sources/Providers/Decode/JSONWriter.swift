/// The one JSON writer: keys in the order they are written (`type` first reads well in `jq` and keeps diffs
/// quiet), compact or indented by two spaces, strings through `JSONStringEscaper`, numbers as `number(_:)`
/// formats them. `StreamPartJSON` drives it by hand; Sessions' `OrderedJSONEncoder` drives it from `Encodable`.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var needsComma = false
    /// After `key(_:)`: the value goes on the same line.
    private var afterKey = false
    /// Per open container: whether anything was written in it (an empty one closes on the same line).
    private var filled: [Bool] = []

    public init(pretty: Bool = false) { self.pretty = pretty }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Opens an object; pair with `endObject()`.
    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Opens an array; pair with `endArray()`.
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `"key":` before a value.
    public mutating func key(_ key: String) {
        startValue()
        JSONStringEscaper.append(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        needsComma = false
        afterKey = true
    }

    public mutating func string(_ value: String?) {
        guard let value else { return null() }
        startValue()
        JSONStringEscaper.append(value, to: &bytes)
        needsComma = true
    }

    public mutating func integer(_ value: Int?) {
        raw(value.map(String.init) ?? "null")
    }

    /// A finite number; nil and non-finite values become `null` (JSON has no NaN).
    public mutating func number(_ value: Double?) {
        guard let value, value.isFinite else { return raw("null") }
        raw(Self.numberText(value))
    }

    public mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    public mutating func null() { raw("null") }

    /// A number already rendered as JSON text.
    public mutating func raw(_ value: String) {
        startValue()
        bytes.append(contentsOf: value.utf8)
        needsComma = true
    }

    /// How a finite number reads: integral values without ".0", so `0.5 * 2` and `1` read the same in a file.
    public static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        bytes.append(bracket)
        filled.append(false)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        let wasFilled = filled.popLast() ?? false
        if pretty, wasFilled { newline(depth: filled.count) }
        bytes.append(bracket)
        needsComma = true
        afterKey = false
    }

    /// The separator before a member or element: a comma, and in pretty output a new indented line.
    private mutating func startValue() {
        if afterKey {
            afterKey = false
            return
        }
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        if !filled.isEmpty {
            filled[filled.count - 1] = true
            if pretty { newline(depth: filled.count) }
        }
    }

    private mutating func newline(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }
}
