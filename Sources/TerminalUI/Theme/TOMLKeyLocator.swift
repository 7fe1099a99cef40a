/// Finds the line a dotted key is written on in a TOML source, for error messages.
///
/// TOMLKit reports lines only for syntax errors; for a bad value the loader knows the key path
/// (`roles.error.fg`) and asks this for its line. It understands `[table]` headers, dotted and
/// quoted keys, and one-line inline tables (`error = { fg = 300 }`), which is what theme files use.
struct TOMLKeyLocator {
    /// Every key written in the source, as a normalised dotted path, with its 1-based line.
    private(set) var entries: [(path: String, line: Int)] = []

    init(source: String) {
        var table: [String] = []
        var lineNumber = 0
        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            while let f = line.first, f == " " || f == "\t" { line.removeFirst() }
            if line.first == "#" || line.isEmpty { continue }
            if line.first == "[" {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = TOMLKeyLocator.keyParts(inner)
                entries.append((table.joined(separator: "."), lineNumber))
                continue
            }
            guard let eq = TOMLKeyLocator.topLevelEquals(in: line) else { continue }
            let key = table + TOMLKeyLocator.keyParts(line[..<eq])
            entries.append((key.joined(separator: "."), lineNumber))
            let value = line[line.index(after: eq)...].drop { $0 == " " || $0 == "\t" }
            if value.first == "{" {
                for inner in TOMLKeyLocator.inlineKeys(value.dropFirst()) {
                    entries.append(((key + inner).joined(separator: "."), lineNumber))
                }
            }
        }
    }

    /// The line of `path`, or of its longest written prefix; nil when nothing matches.
    func line(of path: String) -> Int? {
        var parts = path.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            let candidate = parts.joined(separator: ".")
            if let hit = entries.first(where: { $0.path == candidate }) { return hit.line }
            parts.removeLast()
        }
        return nil
    }

    /// The parts of a dotted key (`"pane.border".fg` → [pane, border, fg]): quoted parts are split
    /// on dots too, because role names are dotted paths either way.
    static func keyParts(_ key: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for ch in key {
            if let q = quote {
                if ch == q { quote = nil } else if ch == "." { parts.append(current); current = "" } else { current.append(ch) }
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
        return parts.filter { !$0.isEmpty }
    }

    /// The `=` that separates key and value (not one inside a quoted key).
    static func topLevelEquals(in line: Substring) -> Substring.Index? {
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
