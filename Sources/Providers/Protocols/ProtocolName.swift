import Foundation

/// The wire protocols Refract speaks, named as in config files.
public enum ProtocolName: String, Sendable, Hashable, Codable, CaseIterable {
    case anthropic
    case openAIChat = "openai-chat"
    case openAIResponses = "openai-responses"
    case gemini
    case ollama
}
