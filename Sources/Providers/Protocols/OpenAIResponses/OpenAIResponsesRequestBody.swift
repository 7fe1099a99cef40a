import Foundation

/// The JSON body of `POST /responses` with `stream: true`.
struct OpenAIResponsesRequestBody: Encodable, Equatable {
    struct InputMessage: Encodable, Equatable {
        var role: String
        var content: String
        /// Images, sent as `input_image` parts (see `OpenAIResponsesRequestBody+Attachments`).
        var attachments: [MessageAttachment] = []
    }

    var model: String
    var instructions: String?
    var input: [InputMessage]
    var stream = true
    var maxOutputTokens: Int?
    var temperature: Double?
    var topP: Double?
    /// Alternatives per token; with `include` asking for them, each text delta carries its tokens.
    var topLogprobs: Int?
    var include: [String]?
    /// Structured output: `text: {format: {type: json_schema, name, schema, strict}}`.
    var text: OpenAIResponsesText?

    enum CodingKeys: String, CodingKey {
        case model, instructions, input, stream, temperature, include, text
        case maxOutputTokens = "max_output_tokens"
        case topP = "top_p"
        case topLogprobs = "top_logprobs"
    }

    init(_ request: ModelRequest) {
        model = request.model
        instructions = request.systemPrompt
        input = request.conversation.map { InputMessage(role: $0.role == .assistant ? "assistant" : "user", content: $0.content, attachments: $0.attachments) }
        maxOutputTokens = request.parameters.maxTokens
        temperature = request.parameters.temperature
        topP = request.parameters.topP
        if let k = request.parameters.logprobs {
            topLogprobs = min(max(k, 0), 20)
            include = ["message.output_text.logprobs"]
        }
        text = request.responseSchema.map(OpenAIResponsesText.init)
        // The Responses API has no stop sequences and no seed: they are left out.
    }
}
