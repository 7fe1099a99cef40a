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
    /// Anthropic's API has none; Gemini, Ollama and the Responses API have them but are not read yet.
    public var returnsLogprobs: Bool { self == .openAIChat }
}
