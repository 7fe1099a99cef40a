import Foundation

/// The wire protocols Refract speaks, named as in config files.
public enum ProtocolName: String, Sendable, Hashable, Codable, CaseIterable {
    case anthropic
    case openAIChat = "openai-chat"
    case openAIResponses = "openai-responses"
    case gemini
    case ollama
}

extension ProtocolName {
    /// Whether Refract asks this protocol for token log-probabilities and reads them from its stream.
    /// Anthropic's API has none; every other protocol can (a model may still refuse them, which the
    /// client turns into a note and a run without them).
    public var returnsLogprobs: Bool { self != .anthropic }

    /// Whether the provider counts a prompt's tokens before it is sent (Anthropic `count_tokens`,
    /// Gemini `countTokens`); elsewhere a count is an estimate.
    public var countsTokens: Bool { tokenCounterName != nil }

    /// The name of that counter, for labels.
    public var tokenCounterName: String? {
        switch self {
        case .anthropic: "Anthropic's count_tokens"
        case .gemini: "Gemini's countTokens"
        default: nil
        }
    }
}
