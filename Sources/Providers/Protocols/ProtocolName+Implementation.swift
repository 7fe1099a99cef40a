import Foundation

extension ProtocolName {
    /// The encoder, framer, mapper and error decoder for this protocol.
    public var implementation: any WireProtocol {
        switch self {
        case .anthropic: AnthropicProtocol()
        case .openAIChat: OpenAIChatProtocol()
        case .openAIResponses: OpenAIResponsesProtocol()
        case .gemini: GeminiProtocol()
        case .ollama: OllamaProtocol()
        }
    }
}
