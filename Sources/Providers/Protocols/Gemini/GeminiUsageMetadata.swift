import Foundation

/// Gemini `usageMetadata`, cumulative on every chunk.
struct GeminiUsageMetadata: Decodable {
    var promptTokenCount: Int?
    var candidatesTokenCount: Int?
    var cachedContentTokenCount: Int?
    var thoughtsTokenCount: Int?

    enum CodingKeys: String, CodingKey {
        case promptTokenCount, candidatesTokenCount, cachedContentTokenCount, thoughtsTokenCount
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        promptTokenCount = c.lenient(Int.self, .promptTokenCount)
        candidatesTokenCount = c.lenient(Int.self, .candidatesTokenCount)
        cachedContentTokenCount = c.lenient(Int.self, .cachedContentTokenCount)
        thoughtsTokenCount = c.lenient(Int.self, .thoughtsTokenCount)
    }

    /// `candidatesTokenCount` excludes thoughts, but thoughts are billed as output: output is their sum.
    var neutral: Usage {
        var output: Int?
        if candidatesTokenCount != nil || thoughtsTokenCount != nil {
            output = (candidatesTokenCount ?? 0) + (thoughtsTokenCount ?? 0)
        }
        return Usage(input: promptTokenCount, output: output, cacheRead: cachedContentTokenCount, reasoning: thoughtsTokenCount)
    }
}
