import Foundation
import Providers

/// A whole session read into memory: header, current title, runs, comparison groups and verdicts.
public struct SessionLog: Sendable, Equatable {
    public var file: URL?
    public var header: SessionHeader
    /// The title after the last `renamed` event.
    public var title: String
    public var runs: [RecordedRun]
    public var groups: [GroupStarted]
    public var verdicts: [Verdict]
    /// Warning events about the session as a whole.
    public var notes: [SessionWarning]
    /// Events of types this version does not know (ignored).
    public var unknownEvents: Int
    /// Lines that could not be loaded, each with its line number.
    public var problems: [ReadProblem]

    public init(
        file: URL? = nil, header: SessionHeader, title: String? = nil, runs: [RecordedRun] = [], groups: [GroupStarted] = [],
        verdicts: [Verdict] = [], notes: [SessionWarning] = [], unknownEvents: Int = 0, problems: [ReadProblem] = []
    ) {
        self.file = file
        self.header = header
        self.title = title ?? header.title
        self.runs = runs
        self.groups = groups
        self.verdicts = verdicts
        self.notes = notes
        self.unknownEvents = unknownEvents
        self.problems = problems
    }

    /// The run with this number.
    public func run(_ number: Int) -> RecordedRun? { runs.first { $0.run == number } }

    /// The runs of a comparison group, in the order they started.
    public func runs(inGroup group: Int) -> [RecordedRun] { runs.filter { $0.started.group == group } }

    /// The sum of every priced run's cost.
    public var totalCostUSD: Double { runs.compactMap(\.cost?.usd).reduce(0, +) }

    /// Models used, in order of first use.
    public var models: [ModelRef] {
        var seen = Set<ModelRef>()
        return runs.map(\.model).filter { seen.insert($0).inserted }
    }
}
