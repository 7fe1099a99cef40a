import Foundation

/// The Messages API's tool shapes: `tools[]` with `input_schema`, `tool_choice` objects, assistant
/// `tool_use` blocks and user `tool_result` blocks.
enum AnthropicTools {
    /// `{"name","description","input_schema"}`.
    static func tools(_ tools: [ToolDefinition]) -> [JSONValue]? {
        guard !tools.isEmpty else { return nil }
        return tools.enumerated().map { index, tool in
            var entry: [String: JSONValue] = ["name": .string(tool.name), "input_schema": ToolWire.parametersPlaceholder(index)]
            if !tool.description.isEmpty { entry["description"] = .string(tool.description) }
            return .object(entry)
        }
    }

    /// `{"type":"auto"|"any"|"none"}` or `{"type":"tool","name"}`; nil without tools.
    static func choice(_ choice: ToolChoice?, hasTools: Bool) -> JSONValue? {
        guard hasTools, let choice else { return nil }
        switch choice {
        case .auto: return .object(["type": .string("auto")])
        case .none: return .object(["type": .string("none")])
        case .required: return .object(["type": .string("any")])
        case .named(let name): return .object(["type": .string("tool"), "name": .string(name)])
        }
    }

    /// An assistant turn with calls: its text (if any) then one `tool_use` block per call.
    static func assistantBlocks(_ message: ChatMessage) -> [JSONValue] {
        var blocks: [JSONValue] = []
        if !message.content.isEmpty { blocks.append(.object(["type": .string("text"), "text": .string(message.content)])) }
        for call in message.toolCalls {
            blocks.append(.object(["type": .string("tool_use"), "id": .string(call.id), "name": .string(call.name), "input": ToolWire.argumentsObject(call.arguments)]))
        }
        return blocks
    }

    /// A tool turn as a `tool_result` block (several results of one step go in one user turn).
    static func resultBlock(_ message: ChatMessage) -> JSONValue {
        .object(["type": .string("tool_result"), "tool_use_id": .string(message.toolCallID ?? ""), "content": .string(message.content)])
    }
}
