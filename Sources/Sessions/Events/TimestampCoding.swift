import Foundation

extension KeyedDecodingContainer {
    /// Decodes a `SessionTimestamp` string.
    func decodeTimestamp(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = SessionTimestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "expected an ISO 8601 time, got \(text)")
        }
        return date
    }

    /// Decodes an optional `SessionTimestamp` string.
    func decodeTimestampIfPresent(forKey key: Key) throws -> Date? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeTimestamp(forKey: key)
    }

    /// Decodes a value whose unknown raw value should not reject the whole line (a newer Refract's enum case).
    func decodeLenient<T: Decodable & RawRepresentable>(_ type: T.Type, forKey key: Key, fallback: T) throws -> T where T.RawValue == String {
        let raw = try decode(String.self, forKey: key)
        return T(rawValue: raw) ?? fallback
    }
}
