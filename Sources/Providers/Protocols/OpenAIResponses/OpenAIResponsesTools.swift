import Foundation

/// The Responses API's tool shapes: flat `tools[]`, `tool_choice`, and the `function_call` /
/// `function_call_output` input items that carry a loop's earlier steps.
enum OpenAIResponsesTools {
    /// `{"type":"function","name","description","parameters"}` (no `function` wrapper, unlike Chat Completions).
    static func tools(_ tools: [ToolDefinition]) -> [JSONValue]? {
        guard !tools.isEmpty else { return nil }
        return tools.enumerated().map { index, tool in
            var entry: [String: JSONValue] = ["type": .string("function"), "name": .string(tool.name), "parameters": ToolWire.parametersPlaceholder(index)]
            if !tool.description.isEmpty { entry["description"] = .string(tool.description) }
            return .object(entry)
        }
    }

    /// `"auto" | "none" | "required" | {"type":"function","name"}`; nil without tools.
    static func choice(_ choice: ToolChoice?, hasTools: Bool) -> JSONValue? {
        guard hasTools, let choice else { return nil }
        switch choice {
        case .auto: return .string("auto")
        case .none: return .string("none")
        case .required: return .string("required")
        case .named(let name): return .object(["type": .string("function"), "name": .string(name)])
        }
    }

    /// The input items for one message: an assistant turn's calls follow its text as `function_call`
    /// items; a tool turn is a `function_call_output`. Nil for a plain message.
    static func items(_ message: ChatMessage) -> [JSONValue]? {
        if message.role == .tool {
            return [.object(["type": .string("function_call_output"), "call_id": .string(message.toolCallID ?? ""), "output": .string(message.content)])]
        }
        guard message.role == .assistant, !message.toolCalls.isEmpty else { return nil }
        var items: [JSONValue] = []
        if !message.content.isEmpty { items.append(.object(["role": .string("assistant"), "content": .string(message.content)])) }
        for call in message.toolCalls {
            items.append(.object(["type": .string("function_call"), "call_id": .string(call.id), "name": .string(call.name), "arguments": .string(call.arguments)]))
        }
        return items
    }
}
