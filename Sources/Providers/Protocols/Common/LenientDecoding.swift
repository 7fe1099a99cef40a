import Foundation

extension KeyedDecodingContainer {
    /// The field's value, or nil when it is absent, null or of another type than expected.
    ///
    /// Stream events are decoded field by field this way so that one field a provider changed (an
    /// object where a string was) loses that field only, never the text in the same event.
    func lenient<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }

    /// A field that is JSON text on some servers and a JSON value on others (tool-call arguments).
    func lenientJSONText(_ key: Key) -> String? {
        if let text = lenient(String.self, key) { return text }
        return lenient(JSONValue.self, key)?.jsonText
    }
}
