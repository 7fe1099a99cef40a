import Foundation

/// OpenAI's `completion_tokens_details` (Chat Completions) and `output_tokens_details` (Responses).
struct OpenAIReasoningTokenDetails: Decodable, Equatable {
    @Lenient var reasoningTokens: Int?
    enum CodingKeys: String, CodingKey { case reasoningTokens = "reasoning_tokens" }
}
