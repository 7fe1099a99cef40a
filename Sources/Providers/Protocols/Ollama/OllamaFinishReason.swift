import Foundation

/// Ollama `done_reason` → neutral finish reason.
enum OllamaFinishReason {
    /// - Parameter calledTools: tool calls came, so a `stop` means "answer the calls".
    static func map(_ raw: String?, calledTools: Bool) -> FinishReason {
        switch raw {
        case "stop", nil: FinishReason(calledTools ? .toolCalls : .stop, raw: raw)
        case "length": FinishReason(.length, raw: raw)
        default: FinishReason(.other, raw: raw)
        }
    }
}
