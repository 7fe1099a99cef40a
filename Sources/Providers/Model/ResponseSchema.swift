import Foundation

/// A JSON schema the answer must follow, with the name some APIs want for it (`response_format.json_schema.name`).
public struct ResponseSchema: Sendable, Equatable {
    /// A short name (`[a-zA-Z0-9_-]`, as OpenAI requires); the prompt file's name or "answer".
    public var name: String
    /// The schema, its keys in the order written (the order a grammar makes the model write them in).
    public var schema: JSON

    public init(name: String = "answer", schema: JSON) {
        self.name = name
        self.schema = schema
    }
}
