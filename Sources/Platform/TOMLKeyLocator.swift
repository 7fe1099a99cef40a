import Foundation

/// Finds the line of a key in TOML source text, for error messages about values that parsed but
/// mean nothing (TOML parsers report positions only for syntax errors).
public struct TOMLKeyLocator: Sendable {
    let lines: [Substring]

    public init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// 1-based (line, column) of `key` inside the table `table` (e.g. `["providers", "local"]`), or of
    /// the table header when the key is not written there (inline tables, dotted keys); nil if neither.
    public func position(of key: String?, inTable table: [String]) -> (line: Int, column: Int)? {
        var inTarget = table.isEmpty
        var headerLine: Int?
        for (i, raw) in lines.enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let isArray = line.hasPrefix("[[")
                let inner = line.dropFirst(isArray ? 2 : 1).prefix { $0 != "]" }
                let path = Self.splitKeyPath(inner)
                inTarget = path == table
                if inTarget { headerLine = i + 1 }
                continue
            }
            guard inTarget, let key else { continue }
            let name = line.prefix { $0 != "=" }.trimmingCharacters(in: .whitespaces)
            if line.contains("="), Self.splitKeyPath(Substring(name)) == [key] {
                return (i + 1, raw.count - line.count + 1)
            }
        }
        if let headerLine { return (headerLine, 1) }
        // Dotted or inline form at top level, e.g. `providers.local.models = …`.
        if let key, let dotted = lines.firstIndex(where: { $0.contains("=") && $0.drop { $0 == " " }.hasPrefix((table + [key]).joined(separator: ".")) }) {
            return (dotted + 1, 1)
        }
        return nil
    }

    /// `a."b.c".d` → ["a", "b.c", "d"].
    static func splitKeyPath(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for ch in text {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
            } else if ch == "\"" || ch == "'" {
                quote = ch
            } else if ch == "." {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }
}
