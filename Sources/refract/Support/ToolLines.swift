import Foundation
import Providers
import TerminalUI

/// The readable lines `refract run` prints on stderr for each step of the tool loop.
enum ToolLines {
    /// `tool 1 → get_weather {"city":"Paris"}`
    static func call(name: String, arguments: String, step: Int) -> String {
        "tool \(step) → \(TextSanitizer.plainSanitized(name)) \(clip(arguments))"
    }

    /// `tool 1 ← 18 °C, sunny` or `tool 1 ✗ error: …`
    static func result(_ r: ToolResult) -> String {
        "tool \(r.step) \(r.isError ? "✗" : "←") \(clip(r.content))"
    }

    /// One line, at most 300 characters, control characters shown inert.
    private static func clip(_ text: String) -> String {
        let flat = TextSanitizer.plainSanitized(text.replacingOccurrences(of: "\n", with: " ⏎ "))
        return flat.count > 300 ? String(flat.prefix(300)) + "…" : flat
    }
}
