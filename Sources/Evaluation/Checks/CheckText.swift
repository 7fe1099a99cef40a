import Foundation

/// Text helpers for check reasons: one line, clipped, so a reason never floods a table.
enum CheckText {
    /// The text on one line (newlines shown as ⏎), at most `limit` characters with an ellipsis.
    static func clip(_ text: String, _ limit: Int = 60) -> String {
        let flat = text.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    /// Words: runs of non-whitespace.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).count
    }
}
