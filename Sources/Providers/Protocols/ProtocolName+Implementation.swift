import Foundation

extension ProtocolName {
    /// The encoder, framer, mapper and error decoder for this protocol, naming the provider after its vendor.
    public var implementation: any WireProtocol { implementation(providerName: nil) }

    /// The implementation naming the provider `providerName` in errors and warnings (nil: the protocol's vendor).
    public func implementation(providerName: String?) -> any WireProtocol {
        switch self {
        case .anthropic: providerName.map { AnthropicProtocol(providerName: $0) } ?? AnthropicProtocol()
        case .openAIChat: providerName.map { OpenAIChatProtocol(providerName: $0) } ?? OpenAIChatProtocol()
        case .openAIResponses: providerName.map { OpenAIResponsesProtocol(providerName: $0) } ?? OpenAIResponsesProtocol()
        case .gemini: providerName.map { GeminiProtocol(providerName: $0) } ?? GeminiProtocol()
        case .ollama: providerName.map { OllamaProtocol(providerName: $0) } ?? OllamaProtocol()
        }
    }
}
