import Foundation

/// The fallback for a model that cannot be held to a schema: the schema written into the prompt, in a
/// stable wording, and a note saying so.
public enum SchemaInPrompt {
    /// The text added after the system prompt (and, in raw mode, before the pattern).
    public static func instruction(for schema: JSON) -> String {
        "Answer with JSON only, no other text, following this JSON Schema:\n" + schema.text
    }

    /// The note the run shows (a `.warning` part).
    public static func warning(reason: String) -> String {
        "the schema is not enforced (\(reason)): it was added to the prompt instead, so the answer may not follow it"
    }

    /// `request` with its schema moved into the text: appended to the system prompt (a system message is
    /// added when there is none); in raw mode, put at the start of the raw text.
    public static func apply(to request: ModelRequest) -> ModelRequest {
        guard let schema = request.responseSchema else { return request }
        var result = request
        result.responseSchema = nil
        let text = instruction(for: schema.schema)
        if request.mode == .rawCompletion, let raw = request.rawText {
            result.rawText = text + "\n\n" + raw
            return result
        }
        if let index = result.messages.lastIndex(where: { $0.role == .system }) {
            let existing = result.messages[index].content
            result.messages[index].content = existing.isEmpty ? text : existing + "\n\n" + text
        } else {
            result.messages.insert(ChatMessage(role: .system, content: text), at: 0)
        }
        return result
    }
}
