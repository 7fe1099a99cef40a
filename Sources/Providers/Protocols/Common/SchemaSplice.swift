import Foundation

/// Puts a response schema into an encoded request body with its keys in the order the user wrote them.
///
/// Request bodies are encoded with sorted keys (reproducible bytes), but a schema's property order is
/// meaningful: a grammar built from it makes the model write the properties in that order, and
/// "reasoning before answer" schemas depend on it. So the body carries a placeholder string where the
/// schema goes, and the schema's own compact text replaces it after encoding.
enum SchemaSplice {
    /// The string encoded in place of the schema. Inside any other JSON string a `"` after it would be
    /// escaped (`\"`), so `"TOKEN"` with both quotes bare can only be the placeholder itself.
    static let token = "@@refract.response-schema@@"

    /// The placeholder as it appears in encoded JSON.
    static let encodedPlaceholder = Data("\"\(token)\"".utf8)

    /// Replaces the first placeholder in `body` with `schema`'s compact text; the body unchanged when it has none.
    static func splice(_ body: Data, schema: JSON) -> Data {
        guard let range = body.range(of: encodedPlaceholder) else { return body }
        var result = body
        result.replaceSubrange(range, with: Data(schema.text.utf8))
        return result
    }
}

/// Encodes as the schema placeholder (see `SchemaSplice`).
struct SchemaPlaceholder: Encodable, Equatable {
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(SchemaSplice.token)
    }
}

extension WireJSON {
    /// `encodeBody`, then the request's schema (if any) spliced in with its key order kept.
    static func encodeBody<T: Encodable>(_ value: T, schema: ResponseSchema?) throws(ProviderError) -> Data {
        let body = try encodeBody(value)
        guard let schema else { return body }
        return SchemaSplice.splice(body, schema: schema.schema)
    }
}
