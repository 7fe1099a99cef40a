import Foundation

/// Chat Completions' tool shapes: `tools[]`, `tool_choice`, and an assistant turn's `tool_calls[]`.
/// Ollama's native API takes the same `tools[]`.
enum OpenAIChatTools {
    /// `{"type":"function","function":{"name","description","parameters"}}`.
    static func tools(_ tools: [ToolDefinition]) -> [JSONValue]? {
        guard !tools.isEmpty else { return nil }
        return tools.enumerated().map { index, tool in
            var function: [String: JSONValue] = ["name": .string(tool.name), "parameters": ToolWire.parametersPlaceholder(index)]
            if !tool.description.isEmpty { function["description"] = .string(tool.description) }
            return .object(["type": .string("function"), "function": .object(function)])
        }
    }

    /// `"auto" | "none" | "required" | {"type":"function","function":{"name"}}`; nil without tools.
    static func choice(_ choice: ToolChoice?, hasTools: Bool) -> JSONValue? {
        guard hasTools, let choice else { return nil }
        switch choice {
        case .auto: return .string("auto")
        case .none: return .string("none")
        case .required: return .string("required")
        case .named(let name): return .object(["type": .string("function"), "function": .object(["name": .string(name)])])
        }
    }

    /// `[{"id","type":"function","function":{"name","arguments"}}]` (arguments stay the model's JSON text).
    static func calls(_ calls: [ToolCall]) -> [JSONValue]? {
        guard !calls.isEmpty else { return nil }
        return calls.map { call in
            .object([
                "id": .string(call.id), "type": .string("function"),
                "function": .object(["name": .string(call.name), "arguments": .string(call.arguments)]),
            ])
        }
    }
}
