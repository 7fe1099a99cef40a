import Foundation

/// Gemini `usageMetadata`, cumulative on every chunk.
struct GeminiUsageMetadata: Decodable {
    @Lenient var promptTokenCount: Int?
    @Lenient var candidatesTokenCount: Int?
    @Lenient var cachedContentTokenCount: Int?
    @Lenient var thoughtsTokenCount: Int?

    /// `candidatesTokenCount` excludes thoughts, but thoughts are billed as output: output is their sum.
    var neutral: Usage {
        var output: Int?
        if candidatesTokenCount != nil || thoughtsTokenCount != nil {
            output = (candidatesTokenCount ?? 0) + (thoughtsTokenCount ?? 0)
        }
        return Usage(input: promptTokenCount, output: output, cacheRead: cachedContentTokenCount, reasoning: thoughtsTokenCount)
    }
}
