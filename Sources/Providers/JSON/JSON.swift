import Foundation

/// A JSON value as Refract reads it (answers, schemas, tool arguments): objects keep their keys' order, numbers keep whether they were whole.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(key: String, value: JSON)])

    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)):
            // Key order does not matter for equality.
            x.count == y.count && x.allSatisfy { pair in y.first { $0.key == pair.key }?.value == pair.value }
        default: false
        }
    }

    /// The value of `key` in an object.
    public subscript(key: String) -> JSON? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.last { $0.key == key }?.value
    }

    /// The JSON type name as JSON Schema says it (`integer` for whole numbers).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let d): d.rounded() == d && abs(d) < 1e15 ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Compact JSON text, through the one `JSONWriter` (whole numbers without a fraction).
    public var text: String { text(pretty: false) }

    /// The JSON text, compact or indented by two spaces.
    public func text(pretty: Bool) -> String {
        var writer = JSONWriter(pretty: pretty)
        write(to: &writer)
        return writer.text
    }

    private func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .number(let d): writer.number(d)
        case .string(let s): writer.string(s)
        case .array(let items):
            writer.beginArray()
            for item in items { item.write(to: &writer) }
            writer.endArray()
        case .object(let pairs):
            writer.beginObject()
            for pair in pairs {
                writer.key(pair.key)
                pair.value.write(to: &writer)
            }
            writer.endObject()
        }
    }

    /// The value as plain text for comparing with a string: a string's own text, anything else as JSON.
    public var plainText: String {
        if case .string(let s) = self { return s }
        return text
    }
}
