import Foundation

/// `{{name}}` placeholders: finding them and filling them in. Whitespace inside the braces is allowed.
public enum PromptTemplate {
    // A name starts with a letter or underscore; dots and dashes are allowed after.
    private static let pattern = try! NSRegularExpression(pattern: #"\{\{\s*([A-Za-z_][A-Za-z0-9_.\-]*)\s*\}\}"#)

    /// Names in order of appearance (repeats included).
    public static func variableNames(in text: String) -> [String] {
        guard text.contains("{{") else { return [] }
        let ns = text as NSString
        return pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    /// The text with every known placeholder replaced by its value; unknown ones are left as written.
    public static func fill(_ text: String, with values: [String: String]) -> String {
        guard text.contains("{{") else { return text }
        let ns = text as NSString
        var result = ""
        var last = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: match.range(at: 1))
            guard let value = values[name] else { continue }
            result += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            result += value
            last = match.range.location + match.range.length
        }
        result += ns.substring(from: last)
        return result
    }
}
