import Foundation

/// Gemini's tool shapes: `tools[{functionDeclarations}]`, `toolConfig.functionCallingConfig`, model
/// `functionCall` parts and user `functionResponse` parts (matched by name: Gemini sends no call ids).
enum GeminiTools {
    /// One `{"functionDeclarations":[{"name","description","parameters"}]}` entry.
    static func tools(_ tools: [ToolDefinition]) -> [JSONValue]? {
        guard !tools.isEmpty else { return nil }
        let declarations: [JSONValue] = tools.enumerated().map { index, tool in
            var entry: [String: JSONValue] = ["name": .string(tool.name), "parameters": ToolWire.parametersPlaceholder(index)]
            if !tool.description.isEmpty { entry["description"] = .string(tool.description) }
            return .object(entry)
        }
        return [.object(["functionDeclarations": .array(declarations)])]
    }

    /// `{"functionCallingConfig":{"mode":"AUTO"|"ANY"|"NONE","allowedFunctionNames"?}}`; nil without tools.
    static func config(_ choice: ToolChoice?, hasTools: Bool) -> JSONValue? {
        guard hasTools, let choice else { return nil }
        let config: [String: JSONValue]
        switch choice {
        case .auto: config = ["mode": .string("AUTO")]
        case .none: config = ["mode": .string("NONE")]
        case .required: config = ["mode": .string("ANY")]
        case .named(let name): config = ["mode": .string("ANY"), "allowedFunctionNames": .array([.string(name)])]
        }
        return .object(["functionCallingConfig": .object(config)])
    }

    /// `{"name","args"}` for a model turn's call.
    static func call(_ call: ToolCall) -> JSONValue {
        .object(["name": .string(call.name), "args": ToolWire.argumentsObject(call.arguments)])
    }

    /// `{"name","response":{"result"}}` for a tool turn.
    static func response(_ message: ChatMessage) -> JSONValue {
        .object(["name": .string(message.toolName ?? ""), "response": ToolWire.resultObject(message.content)])
    }
}
