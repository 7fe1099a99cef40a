import Foundation
import Providers

/// One run as the session browser lists it, without its answer (loaded on demand by byte range).
public struct RunSummary: Sendable, Equatable {
    /// How the run ended, in brief.
    public enum Status: Sendable, Equatable {
        case finished(FinishReason.Kind)
        case failed(ProviderError.Kind, message: String)
        case incomplete
    }

    public var run: Int
    public var group: Int?
    public var at: Date
    public var model: ModelRef
    public var mode: RequestMode
    public var label: String?
    public var variant: String?
    /// The run this one is a branch of (see `BranchPoint`), if it is one.
    public var branchOf: Int?
    /// The start of the instruction (or of the input when there is none), on one line.
    public var preview: String
    public var usage: Usage?
    /// Nil when unpriced.
    public var costUSD: Double?
    public var status: Status
    public var ttftMs: Int?
    public var totalMs: Int?
    /// Bytes from the start of `run_started` to the end of the run's last line seen (other runs' lines may be inside).
    public var byteRange: Range<Int>

    public init(
        run: Int, group: Int? = nil, at: Date, model: ModelRef, mode: RequestMode = .chat, label: String? = nil, variant: String? = nil,
        preview: String = "", usage: Usage? = nil, costUSD: Double? = nil, status: Status = .incomplete, ttftMs: Int? = nil,
        totalMs: Int? = nil, branchOf: Int? = nil, byteRange: Range<Int>
    ) {
        self.run = run
        self.group = group
        self.at = at
        self.model = model
        self.mode = mode
        self.label = label
        self.variant = variant
        self.preview = preview
        self.usage = usage
        self.costUSD = costUSD
        self.status = status
        self.ttftMs = ttftMs
        self.totalMs = totalMs
        self.branchOf = branchOf
        self.byteRange = byteRange
    }

    public var failed: Bool {
        if case .failed = status { return true }
        return false
    }

    /// The runs of `runs` in the same branch tree as this one (its root first), or just this one.
    public func branchFamily(in runs: [RunSummary]) -> [RunSummary] {
        let byNumber = Dictionary(runs.map { ($0.run, $0) }, uniquingKeysWith: { first, _ in first })
        var root = self
        var seen: Set<Int> = [root.run]
        while let parent = root.branchOf.flatMap({ byNumber[$0] }), seen.insert(parent.run).inserted { root = parent }
        var members: Set<Int> = [root.run]
        for run in runs where run.branchOf.map(members.contains) ?? false { members.insert(run.run) }
        return runs.filter { members.contains($0.run) }
    }
}
