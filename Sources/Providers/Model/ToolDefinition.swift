import Foundation

/// A function the model may call: its name, what it is for, and its arguments as a JSON schema.
public struct ToolDefinition: Sendable, Equatable {
    public var name: String
    public var description: String
    /// A JSON schema of type object.
    public var parameters: JSON

    public init(name: String, description: String = "", parameters: JSON = .object([("type", .string("object")), ("properties", .object([]))])) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }
}

/// Whether the model may, must or must not call a tool (`tool_choice`).
public enum ToolChoice: Sendable, Equatable {
    case auto
    case none
    /// Some tool must be called.
    case required
    /// This tool must be called.
    case named(String)
}

/// One complete tool call as the model made it: the arguments are the JSON text it wrote.
public struct ToolCall: Sendable, Equatable {
    public var id: String
    public var name: String
    public var arguments: String
    /// Gemini's `thoughtSignature` for this call, sent back with it (other protocols have none).
    public var signature: String?

    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}
