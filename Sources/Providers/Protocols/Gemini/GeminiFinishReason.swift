import Foundation

/// Gemini `finishReason` (or `promptFeedback.blockReason`) → neutral finish reason.
enum GeminiFinishReason {
    /// - Parameter calledFunctions: function calls came, so a `STOP` means "answer the calls".
    static func map(_ raw: String, calledFunctions: Bool) -> FinishReason {
        let kind: FinishReason.Kind
        switch raw {
        case "STOP": kind = calledFunctions ? .toolCalls : .stop
        case "MAX_TOKENS": kind = .length
        case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY": kind = .contentFilter
        default: kind = .other
        }
        return FinishReason(kind, raw: raw)
    }
}
