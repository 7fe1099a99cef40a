import Foundation

/// Responses `usage`: `input_tokens`, `output_tokens` (reasoning included) and their details.
struct OpenAIResponsesUsage: Decodable {
    var inputTokens: Int?
    var outputTokens: Int?
    var cachedTokens: Int?
    var cacheWriteTokens: Int?
    var reasoningTokens: Int?

    enum CodingKeys: String, CodingKey {
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case inputDetails = "input_tokens_details"
        case outputDetails = "output_tokens_details"
    }
    enum InputDetailsKeys: String, CodingKey {
        case cachedTokens = "cached_tokens"
        case cacheWriteTokens = "cache_write_tokens"
    }
    enum OutputDetailsKeys: String, CodingKey { case reasoningTokens = "reasoning_tokens" }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        inputTokens = c.lenient(Int.self, .inputTokens)
        outputTokens = c.lenient(Int.self, .outputTokens)
        if let details = try? c.nestedContainer(keyedBy: InputDetailsKeys.self, forKey: .inputDetails) {
            cachedTokens = details.lenient(Int.self, .cachedTokens)
            cacheWriteTokens = details.lenient(Int.self, .cacheWriteTokens)
        }
        if let details = try? c.nestedContainer(keyedBy: OutputDetailsKeys.self, forKey: .outputDetails) {
            reasoningTokens = details.lenient(Int.self, .reasoningTokens)
        }
    }

    var neutral: Usage {
        Usage(input: inputTokens, output: outputTokens, cacheRead: cachedTokens, cacheWrite: cacheWriteTokens, reasoning: reasoningTokens)
    }
}
