import Foundation

/// Chat Completions `usage`: `prompt_tokens`, `completion_tokens` (reasoning included) and their details.
struct OpenAIChatUsage: Decodable {
    var promptTokens: Int?
    var completionTokens: Int?
    var cachedTokens: Int?
    /// Billed at the cache-write price; the Responses API's `input_tokens_details` has the same field.
    var cacheWriteTokens: Int?
    var reasoningTokens: Int?

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case promptDetails = "prompt_tokens_details"
        case completionDetails = "completion_tokens_details"
    }
    enum PromptDetailsKeys: String, CodingKey {
        case cachedTokens = "cached_tokens"
        case cacheWriteTokens = "cache_write_tokens"
    }
    enum CompletionDetailsKeys: String, CodingKey { case reasoningTokens = "reasoning_tokens" }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        promptTokens = c.lenient(Int.self, .promptTokens)
        completionTokens = c.lenient(Int.self, .completionTokens)
        if let details = try? c.nestedContainer(keyedBy: PromptDetailsKeys.self, forKey: .promptDetails) {
            cachedTokens = details.lenient(Int.self, .cachedTokens)
            cacheWriteTokens = details.lenient(Int.self, .cacheWriteTokens)
        }
        if let details = try? c.nestedContainer(keyedBy: CompletionDetailsKeys.self, forKey: .completionDetails) {
            reasoningTokens = details.lenient(Int.self, .reasoningTokens)
        }
    }

    var neutral: Usage {
        Usage(input: promptTokens, output: completionTokens, cacheRead: cachedTokens, cacheWrite: cacheWriteTokens, reasoning: reasoningTokens)
    }
}
