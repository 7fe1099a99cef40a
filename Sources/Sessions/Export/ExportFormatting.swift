import Foundation

/// Number and text formatting shared by the exports (and useful to the browser).
public enum ExportFormatting {
    /// `$0.0123`, with more decimals for tiny amounts so they do not print as `$0.0000`.
    public static func usd(_ value: Double) -> String {
        if value == 0 { return "$0" }
        return String(format: abs(value) < 0.01 ? "$%.6f" : "$%.4f", value)
    }

    /// `1.25 s`.
    public static func seconds(ms: Int) -> String {
        String(format: "%.2f s", Double(ms) / 1000)
    }

    /// A number as short as it can be written (`0.7`, `1`, `1e-05`).
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A Markdown code fence longer than any run of backticks inside `text`, so the text cannot close it.
    public static func fenced(_ text: String) -> String {
        var longest = 0
        var current = 0
        for ch in text {
            if ch == "`" {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.hasSuffix("\n") ? text : text + "\n"
        return "\(fence)\n\(body)\(fence)\n"
    }
}
