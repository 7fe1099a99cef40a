import Foundation

/// Finds where a key is written in TOML source text, for error messages about values that parsed but
/// mean nothing (TOML parsers report positions only for syntax errors).
///
/// One pass records every key with its place: `[table]` and `[[array]]` headers, plain, dotted and quoted
/// keys (`a."b.c".d` → a, b.c, d), and the keys of one-line inline tables (`error = { fg = 300 }`).
/// The config reader asks by table and key, the theme parser by dotted path.
public struct TOMLKeyLocator: Sendable {
    /// One key (or table header) as written.
    public struct Entry: Sendable, Equatable {
        public var path: [String]
        /// 1-based line and column of the key's first character (of the `[` for a header).
        public var line: Int
        public var column: Int
        public var isHeader: Bool
    }

    public private(set) var entries: [Entry] = []

    public init(source: String) {
        var table: [String] = []
        var lineNumber = 0
        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.drop { $0 == " " || $0 == "\t" }
            let column = raw.count - line.count + 1
            if line.first == "#" || line.isEmpty { continue }
            if line.first == "[" {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.keyParts(inner)
                entries.append(Entry(path: table, line: lineNumber, column: column, isHeader: true))
                continue
            }
            guard let eq = Self.topLevelEquals(in: line) else { continue }
            let key = table + Self.keyParts(line[..<eq])
            entries.append(Entry(path: key, line: lineNumber, column: column, isHeader: false))
            let value = line[line.index(after: eq)...].drop { $0 == " " || $0 == "\t" }
            if value.first == "{" {
                for inner in Self.inlineKeys(value.dropFirst()) {
                    entries.append(Entry(path: key + inner, line: lineNumber, column: column, isHeader: false))
                }
            }
        }
    }

    /// The line of the dotted `path`, or of its longest written prefix; nil when nothing matches.
    public func line(of path: String) -> Int? {
        var parts = path.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            let candidate = parts.joined(separator: ".")
            if let hit = entries.first(where: { $0.path.joined(separator: ".") == candidate }) { return hit.line }
            parts.removeLast()
        }
        return nil
    }

    /// 1-based (line, column) of `key` inside the table `table` (e.g. `["providers", "local"]`), or of
    /// the table's header when the key is not written on a line of its own; nil if neither is found.
    public func position(of key: String?, inTable table: [String]) -> (line: Int, column: Int)? {
        if let key, let hit = entries.first(where: { !$0.isHeader && $0.path == table + [key] }) { return (hit.line, hit.column) }
        if let header = entries.first(where: { $0.isHeader && $0.path == table }) { return (header.line, 1) }
        return nil
    }

    /// The parts of a dotted key: `a."b.c".d` → ["a", "b.c", "d"]; blanks outside quotes are dropped.
    public static func keyParts(_ key: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for ch in key {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
            } else if ch == "\"" || ch == "'" {
                quote = ch
            } else if ch == "." {
                parts.append(current)
                current = ""
            } else if ch != " " && ch != "\t" {
                current.append(ch)
            }
        }
        parts.append(current)
        return parts
    }

    /// The `=` that separates key and value (not one inside a quoted key).
    public static func topLevelEquals(in line: Substring) -> Substring.Index? {
        var quote: Character?
        var i = line.startIndex
        while i < line.endIndex {
            let ch = line[i]
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                quote = ch
            } else if ch == "=" {
                return i
            }
            i = line.index(after: i)
        }
        return nil
    }

    /// Keys of a one-line inline table body (`fg = 1, bold = true }`), each as its parts.
    static func inlineKeys(_ body: Substring) -> [[String]] {
        var keys: [[String]] = []
        var depth = 0
        var quote: Character?
        var segmentStart = body.startIndex
        var expectingKey = true
        var i = body.startIndex
        while i < body.endIndex {
            let ch = body[i]
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                quote = ch
            } else if ch == "{" || ch == "[" {
                depth += 1
            } else if ch == "}" || ch == "]" {
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0 && ch == "=" && expectingKey {
                keys.append(keyParts(body[segmentStart..<i]))
                expectingKey = false
            } else if depth == 0 && ch == "," {
                segmentStart = body.index(after: i)
                expectingKey = true
            }
            i = body.index(after: i)
        }
        return keys
    }
}
