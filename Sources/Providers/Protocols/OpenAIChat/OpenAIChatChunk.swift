import Foundation

/// One OpenAI Chat Completions stream chunk (also the legacy `/completions` one), decoded leniently.
///
/// Compatible servers add fields (`timings`, `x_groq`, `provider`, `obfuscation`); they are ignored.
/// Equatable so tests can hold `OpenAIChatChunkFastPath` to the same result.
struct OpenAIChatChunk: Decodable, Equatable {
    struct ToolCall: Decodable, Equatable {
        /// `tool_calls[].function`.
        struct Function: Decodable, Equatable {
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

    struct Delta: Decodable, Equatable {
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

    /// `choices[].logprobs`: `content` per token (chat, and llama.cpp's `/completions`), or the legacy
    /// `/completions` columns `tokens` / `token_logprobs` / `top_logprobs`.
    struct Logprobs: Decodable, Equatable {
        @Lenient var content: [WireTokenLogprob]?
        @Lenient var tokens: [String]?
        @Lenient var tokenLogprobs: [Double]?
        @Lenient var topLogprobs: [[String: Double]]?

        enum CodingKeys: String, CodingKey {
            case content, tokens
            case tokenLogprobs = "token_logprobs"
            case topLogprobs = "top_logprobs"
        }

        /// The tokens in the neutral form; alternatives most likely first.
        var neutral: [TokenLogprob] {
            if let content { return content.neutral }
            guard let tokens, let values = tokenLogprobs else { return [] }
            return zip(tokens, values).enumerated().map { index, pair in
                let alternatives = (topLogprobs ?? []).indices.contains(index) ? topLogprobs![index] : [:]
                let top = alternatives.map { TokenAlternative(token: $0.key, logprob: $0.value) }.sorted { $0.logprob > $1.logprob }
                return TokenLogprob(token: pair.0, logprob: pair.1, top: top)
            }
        }
    }

    struct Choice: Decodable, Equatable {
        @Lenient var index: Int?
        @Lenient var delta: Delta?
        @Lenient var logprobs: Logprobs?
        /// `/completions` streams put the text here instead of in `delta`.
        @Lenient var text: String?
        @Lenient var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, delta, text, logprobs
            case finishReason = "finish_reason"
        }
    }

    @Lenient var choices: [Choice]?
    @Lenient var usage: OpenAIChatUsage?
    @Lenient var error: WireErrorPayload?
}
