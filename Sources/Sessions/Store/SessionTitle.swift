import Providers

/// A session's title, made from what the user wrote.
public enum SessionTitle {
    /// The first non-empty line of the instruction (of the input when several instructions share it;
    /// else of whatever there is), trimmed to about `limit` characters.
    public static func make(for prompts: [Prompt], limit: Int = 60) -> String {
        guard let prompt = prompts.first else { return "Untitled" }
        let order = prompts.count > 1 ? [prompt.input, prompt.instruction, prompt.system] : [prompt.instruction, prompt.input, prompt.system]
        for text in order {
            guard let line = text.split(whereSeparator: \.isNewline).lazy
                .map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty }) else { continue }
            return line.count <= limit ? line : String(line.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
        }
        return "Untitled"
    }
}
