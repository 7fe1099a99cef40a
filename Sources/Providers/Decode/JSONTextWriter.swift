import Foundation

/// Writes JSON text by hand, so keys come out in a fixed order that reads well in `jq` and diffs.
struct JSONTextWriter {
    private(set) var text = ""
    private var needsComma = false

    /// Opens an object; pair with `endObject()`.
    mutating func beginObject() {
        separate()
        text += "{"
        needsComma = false
    }

    mutating func endObject() {
        text += "}"
        needsComma = true
    }

    /// Opens an array; pair with `endArray()`.
    mutating func beginArray() {
        separate()
        text += "["
        needsComma = false
    }

    mutating func endArray() {
        text += "]"
        needsComma = true
    }

    /// Writes `"key":` before a value.
    mutating func key(_ key: String) {
        separate()
        text += Self.quoted(key) + ":"
        needsComma = false
    }

    mutating func string(_ value: String?) {
        raw(value.map(Self.quoted) ?? "null")
    }

    mutating func integer(_ value: Int?) {
        raw(value.map(String.init) ?? "null")
    }

    /// A finite number; nil and non-finite values become `null` (JSON has no NaN).
    mutating func number(_ value: Double?) {
        guard let value, value.isFinite else { return raw("null") }
        raw(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)")
    }

    mutating func null() { raw("null") }

    private mutating func raw(_ value: String) {
        separate()
        text += value
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { text += "," }
    }

    /// A JSON string literal (`JSONStringEscaper`, the one escaper).
    static func quoted(_ value: String) -> String { JSONStringEscaper.quoted(value) }
}
