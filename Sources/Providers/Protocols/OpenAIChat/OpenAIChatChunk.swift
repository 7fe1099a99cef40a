import Foundation

/// One OpenAI Chat Completions stream chunk (also the legacy `/completions` one), decoded leniently.
///
/// Compatible servers add fields (`timings`, `x_groq`, `provider`, `obfuscation`); they are ignored.
struct OpenAIChatChunk: Decodable {
    struct ToolCall: Decodable {
        /// `tool_calls[].function`.
        struct Function: Decodable {
            @Lenient var name: String?
            /// JSON text; some servers send an object instead.
            @Lenient var arguments: StringOrJSON?
        }

        @Lenient var index: Int?
        @Lenient var id: String?
        @Lenient var function: Function?

        var name: String? { function?.name }
        var arguments: String? { function?.arguments?.text }
    }

    struct Delta: Decodable {
        @Lenient var content: String?
        @Lenient var refusal: String?
        @Lenient var reasoning: String?
        @Lenient var reasoningContent: String?
        @Lenient var toolCalls: [ToolCall]?

        enum CodingKeys: String, CodingKey {
            case content, refusal, reasoning
            case reasoningContent = "reasoning_content"
            case toolCalls = "tool_calls"
        }
    }

    struct Choice: Decodable {
        @Lenient var index: Int?
        @Lenient var delta: Delta?
        /// `/completions` streams put the text here instead of in `delta`.
        @Lenient var text: String?
        @Lenient var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, delta, text
            case finishReason = "finish_reason"
        }
    }

    @Lenient var choices: [Choice]?
    @Lenient var usage: OpenAIChatUsage?
    @Lenient var error: WireErrorPayload?
}
