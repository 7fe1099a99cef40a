import Foundation

/// The JSON body of `POST /chat/completions` with `stream: true`.
struct OpenAIChatRequestBody: Encodable, Equatable {
    struct Message: Encodable, Equatable {
        var role: String
        var content: String
        /// Images, sent as `content` parts (see `OpenAIChatRequestBody+Attachments`).
        var attachments: [MessageAttachment] = []
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

    enum CodingKeys: String, CodingKey {
        case model, messages, stream, temperature, stop, seed, logprobs
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
        messages = request.messages.map { Message(role: $0.role.rawValue, content: $0.content, attachments: $0.attachments) }
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
