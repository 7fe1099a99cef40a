import Foundation

/// Anthropic `stop_reason` → neutral finish reason.
enum AnthropicFinishReason {
    static func map(_ raw: String) -> FinishReason {
        let kind: FinishReason.Kind
        switch raw {
        case "end_turn", "stop_sequence": kind = .stop
        // The context window filling up is a length stop too.
        case "max_tokens", "model_context_window_exceeded": kind = .length
        case "tool_use": kind = .toolCalls
        case "refusal": kind = .refusal
        default: kind = .other
        }
        return FinishReason(kind, raw: raw)
    }
}
