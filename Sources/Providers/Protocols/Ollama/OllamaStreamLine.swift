import Foundation

/// One NDJSON line of Ollama's `/api/chat` or `/api/generate` stream, decoded leniently.
struct OllamaStreamLine: Decodable {
    struct ToolCall: Decodable {
        /// `tool_calls[].function`.
        struct Function: Decodable {
            @Lenient var name: String?
            /// Ollama sends the arguments as an object, not as JSON text.
            @Lenient var arguments: StringOrJSON?
        }

        @Lenient var id: String?
        @Lenient var function: Function?

        var name: String? { function?.name }
        var arguments: String? { function?.arguments?.text }
    }

    struct Message: Decodable {
        @Lenient var content: String?
        @Lenient var thinking: String?
        @Lenient var toolCalls: [ToolCall]?

        enum CodingKeys: String, CodingKey {
            case content, thinking
            case toolCalls = "tool_calls"
        }
    }

    @Lenient var message: Message?
    /// `/api/generate` puts the text here.
    @Lenient var response: String?
    /// `/api/generate` with thinking puts the reasoning here.
    @Lenient var thinking: String?
    @Lenient var done: Bool?
    @Lenient var doneReason: String?
    @Lenient var promptEvalCount: Int?
    @Lenient var evalCount: Int?
    @Lenient var error: WireErrorPayload?
    /// With `logprobs: true`: the line's tokens, at the top level of the line.
    @Lenient var logprobs: [WireTokenLogprob]?

    enum CodingKeys: String, CodingKey {
        case message, response, thinking, done, error, logprobs
        case doneReason = "done_reason"
        case promptEvalCount = "prompt_eval_count"
        case evalCount = "eval_count"
    }
}
