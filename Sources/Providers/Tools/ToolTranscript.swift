import Foundation

/// How a looped run reads on screen: the text, each call as `▸ name {arguments}` as its arguments
/// stream, each answer as `◂ result` (`✗` for an error), in the order they happened. Append-only, so a
/// view can extend what it showed with what arrived since.
public enum ToolTranscript {
    /// The start of a call (its arguments follow as they arrive).
    public static func callStart(name: String, after shown: String) -> String {
        (shown.isEmpty || shown.hasSuffix("\n") ? "" : "\n") + "▸ \(name) "
    }

    /// A call's answer, on a line of its own, with the line after it free for what comes next.
    public static func result(_ result: ToolResult) -> String {
        "\n\(result.isError ? "✗" : "◂") \(result.content)\n"
    }
}
