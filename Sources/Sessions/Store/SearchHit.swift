import Foundation

/// A run whose prompt or answer contains the searched text, with the text around the match.
public struct SearchHit: Sendable, Equatable {
    /// Where in the run the text was found.
    public enum Field: String, Sendable, Equatable {
        case system, instruction, input, variables, answer, reasoning
    }

    public var file: URL
    public var sessionTitle: String
    public var run: Int
    public var field: Field
    /// About 80 characters around the match, on one line.
    public var snippet: String

    public init(file: URL, sessionTitle: String, run: Int, field: Field, snippet: String) {
        self.file = file
        self.sessionTitle = sessionTitle
        self.run = run
        self.field = field
        self.snippet = snippet
    }
}
