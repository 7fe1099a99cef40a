import Foundation

/// A stream-event field decoded leniently: absent, `null` or of another type than expected all read as nil.
///
/// Stream events are decoded this way, field by field, so that one field a provider changed (an object
/// where a string was) loses that field only, never the text in the same event. Declaring a field
/// `@Lenient var text: String?` is the whole mechanism: the synthesized `Decodable` does the rest.
@propertyWrapper
struct Lenient<Value: Decodable>: Decodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws {
        wrappedValue = try? decoder.singleValueContainer().decode(Value.self)
    }
}

extension Lenient: Sendable where Value: Sendable {}
extension Lenient: Equatable where Value: Equatable {}

extension KeyedDecodingContainer {
    /// What the synthesized `init(from:)` calls for a `@Lenient` field: never throws, a missing key included.
    func decode<Value>(_ type: Lenient<Value>.Type, forKey key: Key) throws -> Lenient<Value> {
        Lenient(wrappedValue: (try? decodeIfPresent(Value.self, forKey: key)) ?? nil)
    }

    /// The field's value, or nil when it is absent, null or of another type than expected (for the few
    /// hand-written decoders that are not plain field lists).
    func lenient<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }
}

/// A field that is JSON text on some servers and a JSON value on others (tool-call arguments): either way, JSON text.
struct StringOrJSON: Decodable, Sendable, Equatable {
    var text: String

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let string = try? c.decode(String.self) {
            text = string
        } else {
            text = try c.decode(JSONValue.self).jsonText
        }
    }
}
