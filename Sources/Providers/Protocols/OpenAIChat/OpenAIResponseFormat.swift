import Foundation

/// Chat Completions' `response_format` for a JSON schema: `{type: "json_schema", json_schema: {name, schema, strict: true}}`.
struct OpenAIResponseFormat: Encodable, Equatable {
    struct Schema: Encodable, Equatable {
        var name: String
        var schema = SchemaPlaceholder()
        /// Strict: the API holds the answer to the schema (llama.cpp always does, through a grammar).
        var strict = true
    }

    var type = "json_schema"
    var jsonSchema: Schema

    enum CodingKeys: String, CodingKey {
        case type
        case jsonSchema = "json_schema"
    }

    init(_ schema: ResponseSchema) { jsonSchema = Schema(name: schema.name) }
}
