import Foundation

/// The camelCase JSON body of `models/{model}:streamGenerateContent`.
struct GeminiRequestBody: Encodable, Equatable {
    struct Part: Encodable, Equatable {
        var text: String?
        /// An image or PDF, base64 (`GeminiInlineData`).
        var inlineData: GeminiInlineData?
    }

    struct Content: Encodable, Equatable {
        var role: String?
        var parts: [Part]
    }

    struct GenerationConfig: Encodable, Equatable {
        var temperature: Double?
        var topP: Double?
        var maxOutputTokens: Int?
        var stopSequences: [String]?
        var seed: Int?
        /// Token probabilities: `responseLogprobs` turns them on, `logprobs` is the number of alternatives.
        var responseLogprobs: Bool?
        var logprobs: Int?
        /// Structured output: `application/json` and the schema as JSON Schema (`responseJsonSchema`).
        var responseMimeType: String?
        var responseJsonSchema: SchemaPlaceholder?

        var isEmpty: Bool {
            temperature == nil && topP == nil && maxOutputTokens == nil && stopSequences == nil && seed == nil
                && responseLogprobs == nil && responseJsonSchema == nil
        }
    }

    var contents: [Content]
    var systemInstruction: Content?
    var generationConfig: GenerationConfig?

    init(_ request: ModelRequest) {
        contents = request.conversation.map {
            Content(role: $0.role == .assistant ? "model" : "user", parts: GeminiInlineData.parts(of: $0.attachments) + [Part(text: $0.content)])
        }
        systemInstruction = request.systemPrompt.map { Content(role: nil, parts: [Part(text: $0)]) }
        let parameters = request.parameters
        let config = GenerationConfig(
            temperature: parameters.temperature,
            topP: parameters.topP,
            maxOutputTokens: parameters.maxTokens,
            stopSequences: parameters.stop.isEmpty ? nil : parameters.stop,
            seed: parameters.seed,
            responseLogprobs: parameters.logprobs.map { _ in true },
            logprobs: parameters.logprobs.flatMap { $0 > 0 ? min($0, 20) : nil },
            responseMimeType: request.responseSchema.map { _ in "application/json" },
            responseJsonSchema: request.responseSchema.map { _ in SchemaPlaceholder() }
        )
        generationConfig = config.isEmpty ? nil : config
    }
}
