import Foundation

extension ModelRequest {
    /// The same request asking the model to go on from `prefix`, as if it had written it: raw completion
    /// appends it to the text; chat ends with an assistant turn holding it (llama.cpp, Anthropic and Ollama
    /// continue that turn — prefill).
    public func continuing(from prefix: String) -> ModelRequest {
        var request = self
        switch mode {
        case .rawCompletion:
            request.rawText = rawPrompt + prefix
        case .chat:
            request.messages.append(ChatMessage(role: .assistant, content: prefix))
        }
        return request
    }
}
