import Foundation

/// What a byte scan of one session file found: enough for the browser's first screen.
public struct SessionScan: Sendable, Equatable {
    public var header: SessionHeader
    public var summary: SessionSummary
    /// In the order the runs started.
    public var runs: [RunSummary]
    public var groups: [GroupStarted]
    public var verdicts: [Verdict]
    public var problems: [ReadProblem]
    /// False when the file ends in the middle of a line (a writer must close it off before appending).
    public var endsWithNewline: Bool

    public init(
        header: SessionHeader, summary: SessionSummary, runs: [RunSummary], groups: [GroupStarted], verdicts: [Verdict],
        problems: [ReadProblem], endsWithNewline: Bool
    ) {
        self.header = header
        self.summary = summary
        self.runs = runs
        self.groups = groups
        self.verdicts = verdicts
        self.problems = problems
        self.endsWithNewline = endsWithNewline
    }

    public func run(_ number: Int) -> RunSummary? { runs.first { $0.run == number } }
}
