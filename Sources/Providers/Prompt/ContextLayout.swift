import Foundation

/// How attached text files are written into the prompt: one block per file, in the order attached,
/// before the user's text. Each block is the file's name on its own line, then its text fenced by a
/// run of backticks longer than any run inside the text (CommonMark's rule), so no file can close its
/// own fence early whatever it contains:
///
///     File: docs/a.md
///     ```
///     …the file's text…
///     ```
///
/// Blocks are separated by a blank line, and a blank line separates the last block from the user's text.
public enum ContextLayout {
    /// The block for one text file.
    public static func block(path: String, text: String) -> String {
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(in: text) + 1))
        let body = text.hasSuffix("\n") ? text : text + "\n"
        return "File: \(path)\n\(fence)\n\(body)\(fence)"
    }

    /// Every text file's block, then `userText`.
    public static func compose(files: [(path: String, text: String)], userText: String) -> String {
        let blocks = files.map { block(path: $0.path, text: $0.text) }
        return (blocks + (userText.isEmpty ? [] : [userText])).joined(separator: "\n\n")
    }

    static func longestBacktickRun(in text: String) -> Int {
        var longest = 0, run = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "`") { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        return longest
    }
}
