import Foundation

/// Puts a response schema and the tools' parameter schemas into an encoded request body with their keys
/// in the order the user wrote them.
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

    /// The string encoded in place of tool `index`'s parameters.
    static func toolToken(_ index: Int) -> String { "@@refract.tool-parameters.\(index)@@" }

    /// `body` with the request's response schema and each tool's parameters put in their placeholders.
    static func splice(_ body: Data, for request: ModelRequest) -> Data {
        var body = body
        if let schema = request.responseSchema { body = splice(body, schema: schema.schema) }
        for (index, tool) in request.tools.enumerated() {
            body = splice(body, schema: tool.parameters, placeholder: Data("\"\(toolToken(index))\"".utf8))
        }
        return body
    }

    /// Replaces the first placeholder in `body` with `schema`'s compact text; the body unchanged when it has none.
    static func splice(_ body: Data, schema: JSON, placeholder: Data = encodedPlaceholder) -> Data {
        guard let range = body.range(of: placeholder) else { return body }
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
    /// `encodeBody`, then the request's schemas (the response's, the tools' parameters) spliced in with their key order kept.
    static func encodeBody<T: Encodable>(_ value: T, for request: ModelRequest) throws(ProviderError) -> Data {
        SchemaSplice.splice(try encodeBody(value), for: request)
    }
}
