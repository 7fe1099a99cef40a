import Foundation

/// The JSON body of `POST /api/chat` (streaming is Ollama's default, sent explicitly anyway).
struct OllamaChatRequestBody: Encodable, Equatable {
    struct Message: Encodable, Equatable {
        var role: String
        var content: String
        /// Images, base64, on the message (Ollama's vision models).
        var images: [String]?
        /// An assistant turn's calls: `[{"function":{"name","arguments":{…}}}]` (arguments as an object).
        var toolCalls: [JSONValue]?
        /// A tool turn names the tool it answers (Ollama has no call ids).
        var toolName: String?

        enum CodingKeys: String, CodingKey {
            case role, content, images
            case toolCalls = "tool_calls"
            case toolName = "tool_name"
        }

        init(_ message: ChatMessage) {
            role = message.role.rawValue
            content = message.content
            images = message.attachments.isEmpty ? nil : message.attachments.map { $0.data.base64EncodedString() }
            if !message.toolCalls.isEmpty {
                toolCalls = message.toolCalls.map { call in
                    .object(["function": .object(["name": .string(call.name), "arguments": ToolWire.argumentsObject(call.arguments)])])
                }
            }
            toolName = message.role == .tool ? message.toolName : nil
        }
    }

    var model: String
    var messages: [Message]
    var stream = true
    var options: OllamaOptions?
    /// Top-level, not in `options` (Ollama 0.12.11 and later; older servers ignore them).
    var logprobs: Bool?
    var topLogprobs: Int?
    /// Structured output: the schema itself as `format`.
    var format: SchemaPlaceholder?
    /// The same shape as Chat Completions; Ollama has no `tool_choice`.
    var tools: [JSONValue]?

    enum CodingKeys: String, CodingKey {
        case model, messages, stream, options, logprobs, format, tools
        case topLogprobs = "top_logprobs"
    }

    init(_ request: ModelRequest) {
        model = request.model
        messages = request.messages.map(Message.init)
        tools = OpenAIChatTools.tools(request.tools)
        options = OllamaOptions.make(request.parameters)
        (logprobs, topLogprobs) = OllamaOptions.logprobs(request.parameters)
        format = request.responseSchema.map { _ in SchemaPlaceholder() }
    }
}

/// The JSON body of `POST /api/generate` with `raw: true` (raw-completion mode: no chat template).
struct OllamaGenerateRequestBody: Encodable, Equatable {
    var model: String
    var prompt: String
    var raw = true
    var stream = true
    var options: OllamaOptions?
    var logprobs: Bool?
    var topLogprobs: Int?

    enum CodingKeys: String, CodingKey {
        case model, prompt, raw, stream, options, logprobs
        case topLogprobs = "top_logprobs"
    }

    init(_ request: ModelRequest) {
        model = request.model
        prompt = request.rawPrompt
        options = OllamaOptions.make(request.parameters)
        (logprobs, topLogprobs) = OllamaOptions.logprobs(request.parameters)
    }
}
