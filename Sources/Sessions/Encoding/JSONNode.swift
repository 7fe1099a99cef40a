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
    /// Appends compact (or two-space indented) JSON text to `out`.
    func write(into out: inout [UInt8], pretty: Bool = false, depth: Int = 0) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): JSONStringEscaper.append(s, to: &out)
        case .object(let box):
            out.append(UInt8(ascii: "{"))
            for (i, pair) in box.pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, depth + 1) }
                JSONStringEscaper.append(pair.key, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                pair.value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty, !box.pairs.isEmpty { Self.newline(&out, depth) }
            out.append(UInt8(ascii: "}"))
        case .array(let box):
            out.append(UInt8(ascii: "["))
            for (i, item) in box.items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, depth + 1) }
                item.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty, !box.items.isEmpty { Self.newline(&out, depth) }
            out.append(UInt8(ascii: "]"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ depth: Int) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }
}
