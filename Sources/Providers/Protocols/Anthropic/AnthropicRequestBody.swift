import Foundation

/// The JSON body of `POST /v1/messages` with `stream: true`.
struct AnthropicRequestBody: Encodable, Equatable {
    struct Message: Encodable, Equatable {
        var role: String
        var content: String
        /// Images and PDFs, sent as content blocks (see `AnthropicRequestBody+Attachments`).
        var attachments: [MessageAttachment] = []
        /// Content blocks instead of the plain text (tool steps: `tool_use`, `tool_result`).
        var blocks: [JSONValue]?

        init(role: String, content: String, attachments: [MessageAttachment] = [], blocks: [JSONValue]? = nil) {
            self.role = role
            self.content = content
            self.attachments = attachments
            self.blocks = blocks
        }

        enum CodingKeys: String, CodingKey { case role, content }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(role, forKey: .role)
            if let blocks {
                try c.encode(blocks, forKey: .content)
            } else if !attachments.isEmpty {
                try c.encode(attachmentBlocks, forKey: .content)
            } else {
                try c.encode(content, forKey: .content)
            }
        }
    }

    var model: String
    var maxTokens: Int
    var messages: [Message]
    var system: String?
    var stopSequences: [String]?
    var temperature: Double?
    var topP: Double?
    var stream = true
    /// Structured output: `output_config: {format: {type: json_schema, schema}}` (the GA field).
    var outputConfig: AnthropicOutputConfig?
    var tools: [JSONValue]?
    var toolChoice: JSONValue?

    enum CodingKeys: String, CodingKey {
        case model, messages, system, temperature, stream, tools
        case toolChoice = "tool_choice"
        case maxTokens = "max_tokens"
        case stopSequences = "stop_sequences"
        case topP = "top_p"
        case outputConfig = "output_config"
    }

    init(_ request: ModelRequest) {
        model = request.model
        maxTokens = request.parameters.maxTokens ?? AnthropicProtocol.defaultMaxTokens
        messages = []
        for message in request.conversation {
            if message.role == .tool {
                // Every result of one step goes back in a single user turn.
                let block = AnthropicTools.resultBlock(message)
                if let last = messages.indices.last, messages[last].role == "user", let blocks = messages[last].blocks, blocks.allSatisfy(Self.isToolResult) {
                    messages[last].blocks = blocks + [block]
                } else {
                    messages.append(Message(role: "user", content: "", blocks: [block]))
                }
            } else if message.role == .assistant, !message.toolCalls.isEmpty {
                messages.append(Message(role: "assistant", content: message.content, blocks: AnthropicTools.assistantBlocks(message)))
            } else {
                messages.append(Message(role: message.role == .assistant ? "assistant" : "user", content: message.content, attachments: message.attachments))
            }
        }
        tools = AnthropicTools.tools(request.tools)
        toolChoice = AnthropicTools.choice(request.toolChoice, hasTools: tools != nil)
        // A final assistant turn is a prefill (a branch continuing an answer); the API refuses one that
        // ends in whitespace, so the model writes that space itself.
        if let last = messages.indices.last, messages[last].role == "assistant", messages[last].blocks == nil {
            while let c = messages[last].content.last, c.isWhitespace { messages[last].content.removeLast() }
        }
        system = request.systemPrompt
        stopSequences = request.parameters.stop.isEmpty ? nil : request.parameters.stop
        temperature = request.parameters.temperature
        topP = request.parameters.topP
        outputConfig = request.responseSchema.map { _ in AnthropicOutputConfig() }
        // Anthropic has no seed parameter: it is left out.
    }

    private static func isToolResult(_ block: JSONValue) -> Bool {
        if case .object(let fields) = block, fields["type"] == .string("tool_result") { return true }
        return false
    }
}
