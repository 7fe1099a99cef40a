import Foundation
import Platform

/// The comments of a prompt file, each attached to what follows it (a key, a table header, an entry of
/// an array of tables) or to the end of a key's line, so a rewrite puts them back in the same place.
/// TOML parsers drop comments; people write them in files they keep in git, so autosave must not.
///
/// Anchors: `key` at the top level, `[table]` and `table.key`, `[[array]]#N` and `array#N.key` (N counts
/// from 0; instruction variants use their name instead of N, so a comment moves with its variant).
public struct TOMLComments: Sendable, Equatable {
    /// Comment lines (blank lines inside a block kept) before an anchor.
    public var before: [String: [String]] = [:]
    /// `# …` at the end of a key's line.
    public var trailing: [String: String] = [:]
    /// The comment block that opens the file.
    public var start: [String] = []
    /// Comments after everything else.
    public var end: [String] = []

    public init() {}

    public var isEmpty: Bool { before.isEmpty && trailing.isEmpty && start.isEmpty && end.isEmpty }

    /// Reads the comments of TOML source text (already known to parse).
    public static func scan(_ source: String) -> TOMLComments {
        var comments = TOMLComments()
        var pending: [String] = []
        var sawAnchor = false
        var table = ""
        var arrayCounts: [String: Int] = [:]
        var entry: String?
        var openString: String?  // `"""` or `'''` while inside a multi-line string

        func attach(_ anchor: String) {
            while pending.last?.isEmpty == true { pending.removeLast() }
            if !pending.isEmpty {
                if sawAnchor { comments.before[anchor] = pending } else { comments.start = pending }
            }
            pending = []
            sawAnchor = true
        }

        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if let quote = openString {
                if line.components(separatedBy: quote).count % 2 == 0 { openString = nil }
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty {
                if !pending.isEmpty { pending.append("") }
                if !sawAnchor, !pending.isEmpty {
                    // The file's opening block ends at its first blank line.
                    while pending.last?.isEmpty == true { pending.removeLast() }
                    comments.start += (comments.start.isEmpty ? [] : [""]) + pending
                    pending = []
                }
                continue
            }
            if trimmed.hasPrefix("#") {
                pending.append(String(trimmed))
                continue
            }
            if trimmed.hasPrefix("[[") {
                let name = trimmed.dropFirst(2).prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                let index = arrayCounts[name, default: 0]
                arrayCounts[name] = index + 1
                table = name
                entry = "\(name)#\(index)"
                attach("[[\(name)]]#\(index)")
                continue
            }
            if trimmed.hasPrefix("[") {
                table = trimmed.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                entry = nil
                attach("[\(table)]")
                continue
            }
            guard let eq = TOMLKeyLocator.topLevelEquals(in: trimmed) else { continue }
            let key = TOMLKeyLocator.keyParts(trimmed[..<eq]).joined(separator: ".")
            let anchor = entry.map { "\($0).\(key)" } ?? (table.isEmpty ? key : "\(table).\(key)")
            attach(anchor)
            let value = trimmed[trimmed.index(after: eq)...]
            for quote in ["\"\"\"", "'''"] where value.components(separatedBy: quote).count % 2 == 0 {
                openString = quote
            }
            if openString == nil, let comment = trailingComment(value) { comments.trailing[anchor] = comment }
        }
        while pending.last?.isEmpty == true { pending.removeLast() }
        if !sawAnchor { comments.start += pending } else { comments.end = pending }
        return comments
    }

    /// Instruction variants' anchors by name (`[[instructions]]#1` → `[[instructions]]name`), so a comment
    /// follows its variant when variants are reordered, renamed away or deleted.
    public func keyingInstructionsByName(_ names: [String]) -> TOMLComments {
        var copy = self
        func rename(_ anchor: String) -> String {
            for (i, name) in names.enumerated() {
                if anchor == "[[instructions]]#\(i)" { return "[[instructions]]\(name)" }
                if anchor.hasPrefix("instructions#\(i).") { return "instructions[\(name)]." + anchor.dropFirst("instructions#\(i).".count) }
            }
            return anchor
        }
        copy.before = Dictionary(before.map { (rename($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        copy.trailing = Dictionary(trailing.map { (rename($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        return copy
    }

    /// `# …` after a one-line value, outside any string.
    static func trailingComment(_ value: Substring) -> String? {
        var quote: Character?
        var escaped = false
        for i in value.indices {
            let c = value[i]
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return String(value[i...]).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
