import Foundation

/// OpenAI's cache figures, the same in Chat Completions' `prompt_tokens_details` and Responses'
/// `input_tokens_details`: cache reads, and cache writes (billed at the cache-write price).
struct OpenAICachedTokenDetails: Decodable, Equatable {
    @Lenient var cachedTokens: Int?
    @Lenient var cacheWriteTokens: Int?

    enum CodingKeys: String, CodingKey {
        case cachedTokens = "cached_tokens"
        case cacheWriteTokens = "cache_write_tokens"
    }
}
