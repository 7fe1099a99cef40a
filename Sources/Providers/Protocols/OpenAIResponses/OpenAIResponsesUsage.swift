import Foundation

/// Responses `usage`: `input_tokens`, `output_tokens` (reasoning included) and their details.
struct OpenAIResponsesUsage: Decodable {
    @Lenient var inputTokens: Int?
    @Lenient var outputTokens: Int?
    @Lenient var inputDetails: OpenAICachedTokenDetails?
    @Lenient var outputDetails: OpenAIReasoningTokenDetails?

    enum CodingKeys: String, CodingKey {
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case inputDetails = "input_tokens_details"
        case outputDetails = "output_tokens_details"
    }

    var neutral: Usage {
        Usage(
            input: inputTokens, output: outputTokens, cacheRead: inputDetails?.cachedTokens,
            cacheWrite: inputDetails?.cacheWriteTokens, reasoning: outputDetails?.reasoningTokens
        )
    }
}
