import Foundation

/// The JSON body of `POST /v1/messages` with `stream: true`.
struct AnthropicRequestBody: Encodable, Equatable {
    struct Message: Encodable, Equatable {
        var role: String
        var content: String
        /// Images and PDFs, sent as content blocks (see `AnthropicRequestBody+Attachments`).
        var attachments: [MessageAttachment] = []
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

    enum CodingKeys: String, CodingKey {
        case model, messages, system, temperature, stream
        case maxTokens = "max_tokens"
        case stopSequences = "stop_sequences"
        case topP = "top_p"
        case outputConfig = "output_config"
    }

    init(_ request: ModelRequest) {
        model = request.model
        maxTokens = request.parameters.maxTokens ?? AnthropicProtocol.defaultMaxTokens
        messages = request.conversation.map { Message(role: $0.role == .assistant ? "assistant" : "user", content: $0.content, attachments: $0.attachments) }
        // A final assistant turn is a prefill (a branch continuing an answer); the API refuses one that
        // ends in whitespace, so the model writes that space itself.
        if let last = messages.indices.last, messages[last].role == "assistant" {
            while let c = messages[last].content.last, c.isWhitespace { messages[last].content.removeLast() }
        }
        system = request.systemPrompt
        stopSequences = request.parameters.stop.isEmpty ? nil : request.parameters.stop
        temperature = request.parameters.temperature
        topP = request.parameters.topP
        outputConfig = request.responseSchema.map { _ in AnthropicOutputConfig() }
        // Anthropic has no seed parameter: it is left out.
    }
}
