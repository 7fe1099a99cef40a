import Foundation

/// Anthropic's usage object (in `message_start.message` and `message_delta`); every field optional.
struct AnthropicUsage: Decodable {
    struct OutputDetails: Decodable {
        @Lenient var thinkingTokens: Int?
        enum CodingKeys: String, CodingKey { case thinkingTokens = "thinking_tokens" }
    }

    @Lenient var inputTokens: Int?
    @Lenient var outputTokens: Int?
    @Lenient var cacheCreationInputTokens: Int?
    @Lenient var cacheReadInputTokens: Int?
    @Lenient var outputTokensDetails: OutputDetails?

    enum CodingKeys: String, CodingKey {
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case cacheCreationInputTokens = "cache_creation_input_tokens"
        case cacheReadInputTokens = "cache_read_input_tokens"
        case outputTokensDetails = "output_tokens_details"
    }

    /// The neutral usage: only the figures this object reports (the accumulator overwrites field by field).
    var neutral: Usage {
        Usage(
            input: inputTokens,
            output: outputTokens,
            cacheRead: cacheReadInputTokens,
            cacheWrite: cacheCreationInputTokens,
            reasoning: outputTokensDetails?.thinkingTokens
        )
    }
}
