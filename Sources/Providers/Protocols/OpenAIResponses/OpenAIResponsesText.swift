import Foundation

/// The Responses API's `text` parameter for a JSON schema: `{format: {type: "json_schema", name, schema, strict: true}}`.
struct OpenAIResponsesText: Encodable, Equatable {
    struct Format: Encodable, Equatable {
        var type = "json_schema"
        var name: String
        var schema = SchemaPlaceholder()
        var strict = true
    }

    var format: Format

    init(_ schema: ResponseSchema) { format = Format(name: schema.name) }
}
