import Foundation

/// The JSON body of `POST /api/chat` (streaming is Ollama's default, sent explicitly anyway).
struct OllamaChatRequestBody: Encodable, Equatable {
    struct Message: Encodable, Equatable {
        var role: String
        var content: String
        /// Images, base64, on the message (Ollama's vision models).
        var images: [String]?
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

    enum CodingKeys: String, CodingKey {
        case model, messages, stream, options, logprobs, format
        case topLogprobs = "top_logprobs"
    }

    init(_ request: ModelRequest) {
        model = request.model
        messages = request.messages.map {
            Message(role: $0.role.rawValue, content: $0.content, images: $0.attachments.isEmpty ? nil : $0.attachments.map { $0.data.base64EncodedString() })
        }
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
