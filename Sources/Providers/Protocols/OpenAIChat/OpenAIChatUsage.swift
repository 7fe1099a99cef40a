import Foundation

/// Chat Completions `usage`: `prompt_tokens`, `completion_tokens` (reasoning included) and their details.
struct OpenAIChatUsage: Decodable {
    /// `prompt_tokens_details`.
    struct PromptDetails: Decodable {
        @Lenient var cachedTokens: Int?
        /// Billed at the cache-write price; the Responses API's `input_tokens_details` has the same field.
        @Lenient var cacheWriteTokens: Int?

        enum CodingKeys: String, CodingKey {
            case cachedTokens = "cached_tokens"
            case cacheWriteTokens = "cache_write_tokens"
        }
    }

    /// `completion_tokens_details`.
    struct CompletionDetails: Decodable {
        @Lenient var reasoningTokens: Int?
        enum CodingKeys: String, CodingKey { case reasoningTokens = "reasoning_tokens" }
    }

    @Lenient var promptTokens: Int?
    @Lenient var completionTokens: Int?
    @Lenient var promptDetails: PromptDetails?
    @Lenient var completionDetails: CompletionDetails?

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case promptDetails = "prompt_tokens_details"
        case completionDetails = "completion_tokens_details"
    }

    var neutral: Usage {
        Usage(
            input: promptTokens, output: completionTokens, cacheRead: promptDetails?.cachedTokens,
            cacheWrite: promptDetails?.cacheWriteTokens, reasoning: completionDetails?.reasoningTokens
        )
    }
}
