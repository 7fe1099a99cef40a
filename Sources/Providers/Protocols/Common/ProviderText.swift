import Foundation

/// Provider-written text made fit for an error line: secrets removed, one line, bounded length.
enum ProviderText {
    /// The longest provider message kept in an error line.
    static let maxCharacters = 300

    /// `text` redacted, with runs of whitespace (newlines included) collapsed, trimmed to ~300 characters.
    static func oneLine(_ text: String, limit: Int = maxCharacters) -> String {
        let redacted = SecretRedactor.redact(text)
        let words = redacted.split(whereSeparator: { $0.isWhitespace })
        let line = words.joined(separator: " ")
        guard line.count > limit else { return line }
        return String(line.prefix(limit)) + "…"
    }
}
