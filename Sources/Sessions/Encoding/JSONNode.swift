import Foundation
import Providers

/// A JSON value whose objects keep their keys in the order they were written.
///
/// Containers are reference boxes so that an `Encoder`'s nested containers can fill them in after
/// they were attached to their parent.
enum JSONNode {
    case null
    case bool(Bool)
    /// A number already rendered as JSON text.
    case number(String)
    case string(String)
    case object(JSONObjectBox)
    case array(JSONArrayBox)
}

/// An ordered JSON object under construction.
final class JSONObjectBox {
    private(set) var pairs: [(key: String, value: JSONNode)] = []
    private var positions: [String: Int] = [:]

    /// Sets `key`, keeping its first position when written twice.
    func set(_ key: String, _ value: JSONNode) {
        if let i = positions[key] {
            pairs[i].value = value
        } else {
            positions[key] = pairs.count
            pairs.append((key, value))
        }
    }

    func value(for key: String) -> JSONNode? {
        positions[key].map { pairs[$0].value }
    }
}

/// A JSON array under construction.
final class JSONArrayBox {
    var items: [JSONNode] = []
}

extension JSONNode {
    /// Writes the value through the one JSON writer.
    func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .number(let n): writer.raw(n)
        case .string(let s): writer.string(s)
        case .object(let box):
            writer.beginObject()
            for pair in box.pairs {
                writer.key(pair.key)
                pair.value.write(to: &writer)
            }
            writer.endObject()
        case .array(let box):
            writer.beginArray()
            for item in box.items { item.write(to: &writer) }
            writer.endArray()
        }
    }
}
