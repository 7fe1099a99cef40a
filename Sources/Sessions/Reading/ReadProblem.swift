import Foundation

/// A line of a session file that could not be loaded; the rest of the file was.
public struct ReadProblem: Sendable, Equatable, CustomStringConvertible {
    /// Why the line was skipped.
    public enum Kind: Sendable, Equatable {
        /// The last line has no end: the writer was cut off mid-line.
        case torn
        /// Not JSON (a torn line in the middle, after a crash and a restart; stray bytes).
        case notJSON
        /// JSON, but not a readable event of its type.
        case invalidEvent
        /// An event for a run that never started.
        case orphan
        /// A second header, a repeated run id.
        case duplicate
        /// Longer than a session line may be (`LineReader.maxLineBytes`); never loaded.
        case tooLong
    }

    /// The 1-based line number.
    public var line: Int
    public var kind: Kind
    public var message: String

    public init(line: Int, kind: Kind, message: String) {
        self.line = line
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    static func torn(line: Int) -> ReadProblem {
        let before = line - 1
        let loaded = before == 1 ? "the line before it was loaded" : "the \(before) lines before it were loaded"
        return ReadProblem(line: line, kind: .torn, message: "line \(line) is incomplete (the session was cut off); \(loaded)")
    }
}
