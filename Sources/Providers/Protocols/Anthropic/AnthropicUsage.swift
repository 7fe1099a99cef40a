import Foundation

/// Anthropic's usage object (in `message_start.message` and `message_delta`); every field optional.
struct AnthropicUsage: Decodable {
    struct OutputDetails: Decodable {
        var thinkingTokens: Int?
        enum CodingKeys: String, CodingKey { case thinkingTokens = "thinking_tokens" }
        init(from decoder: any Decoder) throws {
            thinkingTokens = try decoder.container(keyedBy: CodingKeys.self).lenient(Int.self, .thinkingTokens)
        }
    }

    var inputTokens: Int?
    var outputTokens: Int?
    var cacheCreationInputTokens: Int?
    var cacheReadInputTokens: Int?
    var outputTokensDetails: OutputDetails?

    enum CodingKeys: String, CodingKey {
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case cacheCreationInputTokens = "cache_creation_input_tokens"
        case cacheReadInputTokens = "cache_read_input_tokens"
        case outputTokensDetails = "output_tokens_details"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        inputTokens = c.lenient(Int.self, .inputTokens)
        outputTokens = c.lenient(Int.self, .outputTokens)
        cacheCreationInputTokens = c.lenient(Int.self, .cacheCreationInputTokens)
        cacheReadInputTokens = c.lenient(Int.self, .cacheReadInputTokens)
        outputTokensDetails = c.lenient(OutputDetails.self, .outputTokensDetails)
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
