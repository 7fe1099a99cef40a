import Foundation

/// Chat Completions `finish_reason` → neutral finish reason.
enum OpenAIChatFinishReason {
    /// - Parameter onlyRefusal: the answer was refusal text only, so a `stop` is really a refusal.
    static func map(_ raw: String, onlyRefusal: Bool) -> FinishReason {
        let kind: FinishReason.Kind
        switch raw {
        case "stop": kind = onlyRefusal ? .refusal : .stop
        case "length": kind = .length
        case "tool_calls", "function_call": kind = .toolCalls
        case "content_filter": kind = .contentFilter
        default: kind = .other
        }
        return FinishReason(kind, raw: raw)
    }
}
