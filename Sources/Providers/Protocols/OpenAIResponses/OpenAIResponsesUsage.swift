import Foundation

/// Responses `usage`: `input_tokens`, `output_tokens` (reasoning included) and their details.
struct OpenAIResponsesUsage: Decodable {
    /// `input_tokens_details`.
    struct InputDetails: Decodable {
        @Lenient var cachedTokens: Int?
        @Lenient var cacheWriteTokens: Int?

        enum CodingKeys: String, CodingKey {
            case cachedTokens = "cached_tokens"
            case cacheWriteTokens = "cache_write_tokens"
        }
    }

    /// `output_tokens_details`.
    struct OutputDetails: Decodable {
        @Lenient var reasoningTokens: Int?
        enum CodingKeys: String, CodingKey { case reasoningTokens = "reasoning_tokens" }
    }

    @Lenient var inputTokens: Int?
    @Lenient var outputTokens: Int?
    @Lenient var inputDetails: InputDetails?
    @Lenient var outputDetails: OutputDetails?

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
