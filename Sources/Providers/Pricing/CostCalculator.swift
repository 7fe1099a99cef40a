import Foundation

/// Turns usage into money with a price row.
///
/// Providers count cached input differently: Anthropic's `input_tokens` excludes cache reads and
/// writes, while OpenAI's `prompt_tokens` and Gemini's `promptTokenCount` include the cached part.
public enum CostCalculator {
    /// The cost in USD, or nil when nothing billable was reported.
    public static func cost(of usage: Usage, at price: Price, protocol name: ProtocolName?) -> Double? {
        guard usage.input != nil || usage.output != nil else { return nil }
        let perToken = 1.0 / 1_000_000
        let cacheRead = Double(usage.cacheRead ?? 0)
        let cacheWrite = Double(usage.cacheWrite ?? 0)
        var input = Double(usage.input ?? 0)
        if name?.inputIncludesCachedTokens ?? false { input = max(0, input - cacheRead - cacheWrite) }
        var usd = input * price.input + Double(usage.output ?? 0) * price.output
        usd += cacheRead * (price.cacheRead ?? price.input)
        usd += cacheWrite * (price.cacheWrite ?? price.input)
        return usd * perToken
    }

    /// A rough cost for a prompt not yet sent: `inputTokens` in, up to `maxOutputTokens` out.
    public static func estimate(inputTokens: Int, maxOutputTokens: Int, at price: Price) -> Double {
        (Double(inputTokens) * price.input + Double(maxOutputTokens) * price.output) / 1_000_000
    }
}

extension ProtocolName {
    /// Whether the reported input figure already contains cache reads/writes.
    public var inputIncludesCachedTokens: Bool {
        switch self {
        case .anthropic: false
        case .openAIChat, .openAIResponses, .gemini, .ollama: true
        }
    }
}
