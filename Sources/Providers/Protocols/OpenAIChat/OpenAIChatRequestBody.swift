import Foundation

/// The JSON body of `POST /chat/completions` with `stream: true`.
struct OpenAIChatRequestBody: Encodable, Equatable {
    struct Message: Encodable, Equatable {
        var role: String
        /// Null only for an assistant turn that is nothing but tool calls.
        var content: String?
        /// Images, sent as `content` parts (see `OpenAIChatRequestBody+Attachments`).
        var attachments: [MessageAttachment] = []
        var toolCalls: [JSONValue]?
        var toolCallID: String?

        enum CodingKeys: String, CodingKey {
            case role, content
            case toolCalls = "tool_calls"
            case toolCallID = "tool_call_id"
        }

        init(_ message: ChatMessage) {
            role = message.role.rawValue
            toolCalls = OpenAIChatTools.calls(message.toolCalls)
            content = toolCalls != nil && message.content.isEmpty ? nil : message.content
            toolCallID = message.role == .tool ? message.toolCallID : nil
            attachments = message.attachments
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(role, forKey: .role)
            if attachments.isEmpty {
                // `content: null` is written out: the API wants the key on an assistant turn.
                try c.encode(content, forKey: .content)
            } else {
                try c.encode(contentParts, forKey: .content)
            }
            try c.encodeIfPresent(toolCalls, forKey: .toolCalls)
            try c.encodeIfPresent(toolCallID, forKey: .toolCallID)
        }
    }

    var model: String
    var messages: [Message]
    var stream = true
    var streamOptions = OpenAIStreamOptions()
    var temperature: Double?
    var topP: Double?
    var maxTokens: Int?
    var maxCompletionTokens: Int?
    var stop: [String]?
    var seed: Int?
    var logprobs: Bool?
    var topLogprobs: Int?
    /// Structured output: `{type: json_schema, json_schema: {name, schema, strict}}` (schema spliced in, see `SchemaSplice`).
    var responseFormat: OpenAIResponseFormat?
    var tools: [JSONValue]?
    var toolChoice: JSONValue?

    enum CodingKeys: String, CodingKey {
        case model, messages, stream, temperature, stop, seed, logprobs, tools
        case toolChoice = "tool_choice"
        case topLogprobs = "top_logprobs"
        case responseFormat = "response_format"
        case streamOptions = "stream_options"
        case topP = "top_p"
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
    }

    /// - Parameter useMaxCompletionTokens: api.openai.com wants `max_completion_tokens` (reasoning
    ///   models reject `max_tokens`); compatible servers mostly know only `max_tokens`.
    init(_ request: ModelRequest, useMaxCompletionTokens: Bool) {
        model = request.model
        messages = request.messages.map(Message.init)
        tools = OpenAIChatTools.tools(request.tools)
        toolChoice = OpenAIChatTools.choice(request.toolChoice, hasTools: tools != nil)
        temperature = request.parameters.temperature
        topP = request.parameters.topP
        if useMaxCompletionTokens {
            maxCompletionTokens = request.parameters.maxTokens
        } else {
            maxTokens = request.parameters.maxTokens
        }
        stop = request.parameters.stop.isEmpty ? nil : request.parameters.stop
        seed = request.parameters.seed
        if let k = request.parameters.logprobs {
            logprobs = true
            topLogprobs = k > 0 ? k : nil
        }
        responseFormat = request.responseSchema.map(OpenAIResponseFormat.init)
    }
}
