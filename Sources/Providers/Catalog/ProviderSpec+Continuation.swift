import Foundation

extension ProviderSpec {
    /// Why this provider cannot continue an answer from a prefix in `mode`, or nil when it can.
    ///
    /// Raw completion always can (the prefix is just more prompt). In chat, llama.cpp (the local
    /// models), Anthropic and Ollama continue a final assistant turn; the OpenAI and Gemini APIs answer it
    /// as a new turn instead, which would make a branch look like something the model chose.
    public func cannotContinue(mode: RequestMode) -> String? {
        if mode == .rawCompletion || isManagedLocal { return nil }
        switch protocolName {
        case .anthropic, .ollama: return nil
        case .openAIChat, .openAIResponses, .gemini:
            return "\(name) does not continue a started answer in chat mode (its API answers a final assistant turn with a new one); switch to raw completion mode (Alt-R) or a local model"
        }
    }
}
