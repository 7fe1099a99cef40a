import Foundation

/// The camelCase JSON body of `models/{model}:streamGenerateContent`.
struct GeminiRequestBody: Encodable, Equatable {
    struct Part: Encodable, Equatable {
        var text: String?
        /// An image or PDF, base64 (`GeminiInlineData`).
        var inlineData: GeminiInlineData?
        var functionCall: JSONValue?
        var functionResponse: JSONValue?
        var thoughtSignature: String?

        init(text: String? = nil, inlineData: GeminiInlineData? = nil, functionCall: JSONValue? = nil, functionResponse: JSONValue? = nil, thoughtSignature: String? = nil) {
            self.text = text
            self.inlineData = inlineData
            self.functionCall = functionCall
            self.functionResponse = functionResponse
            self.thoughtSignature = thoughtSignature
        }
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
    var tools: [JSONValue]?
    var toolConfig: JSONValue?

    init(_ request: ModelRequest) {
        contents = []
        for message in request.conversation {
            switch message.role {
            case .tool:
                // Every result of one step goes back in a single user turn.
                let part = Part(functionResponse: GeminiTools.response(message))
                if let last = contents.indices.last, contents[last].role == "user", contents[last].parts.allSatisfy({ $0.functionResponse != nil }) {
                    contents[last].parts.append(part)
                } else {
                    contents.append(Content(role: "user", parts: [part]))
                }
            case .assistant where !message.toolCalls.isEmpty:
                let text = message.content.isEmpty ? [] : [Part(text: message.content)]
                contents.append(Content(role: "model", parts: text + message.toolCalls.map { Part(functionCall: GeminiTools.call($0), thoughtSignature: $0.signature) }))
            default:
                contents.append(Content(role: message.role == .assistant ? "model" : "user", parts: GeminiInlineData.parts(of: message.attachments) + [Part(text: message.content)]))
            }
        }
        tools = GeminiTools.tools(request.tools)
        toolConfig = GeminiTools.config(request.toolChoice, hasTools: tools != nil)
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
