import Foundation

/// JSON coding shared by every protocol: one decoder setup, deterministic encoding.
enum WireJSON {
    /// One shared decoder: JSONDecoder is Sendable and making one per event costs time on every token.
    private static let decoder = JSONDecoder()

    /// Decodes `text`, or returns nil when it is not valid JSON of that shape.
    static func decode<T: Decodable>(_ type: T.Type, from text: String) -> T? {
        try? decoder.decode(type, from: Data(text.utf8))
    }

    /// Decodes `data`, or returns nil when it is not valid JSON of that shape.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        try? decoder.decode(type, from: data)
    }

    /// Encodes a request body with sorted keys, so requests are byte-for-byte reproducible.
    static func encodeBody<T: Encodable>(_ value: T) throws(ProviderError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            // Only non-finite numbers (a NaN temperature) can get here.
            throw ProviderError(kind: .invalidInput, message: "the request could not be encoded as JSON: check that every parameter is a finite number")
        }
    }
}
