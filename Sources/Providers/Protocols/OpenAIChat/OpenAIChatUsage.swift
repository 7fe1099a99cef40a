import Foundation

/// Chat Completions `usage`: `prompt_tokens`, `completion_tokens` (reasoning included) and their details.
struct OpenAIChatUsage: Decodable, Equatable {
    @Lenient var promptTokens: Int?
    @Lenient var completionTokens: Int?
    @Lenient var promptDetails: OpenAICachedTokenDetails?
    @Lenient var completionDetails: OpenAIReasoningTokenDetails?

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
