import Foundation
import Providers

/// A finished cell: the answer, its figures, and every check's result.
public struct CellResult: Sendable, Equatable {
    /// A cell's overall outcome: fail when any check failed, else error when a check (or the run) could not finish, else pass.
    public enum Status: String, Sendable, Equatable { case pass, fail, error }

    public var cell: EvalCell
    public var text: String
    public var usage: Usage
    /// Nil when the model is unpriced.
    public var costUSD: Double?
    public var ttftMs: Int?
    public var latencyMs: Int?
    /// Reused from an earlier recorded run instead of calling the model.
    public var cached: Bool
    /// Why the run failed (or was stopped), when it did.
    public var runError: String?
    public var checks: [CheckResult]

    public init(
        cell: EvalCell, text: String, usage: Usage = Usage(), costUSD: Double? = nil, ttftMs: Int? = nil, latencyMs: Int? = nil, cached: Bool = false,
        runError: String? = nil, checks: [CheckResult] = []
    ) {
        self.cell = cell
        self.text = text
        self.usage = usage
        self.costUSD = costUSD
        self.ttftMs = ttftMs
        self.latencyMs = latencyMs
        self.cached = cached
        self.runError = runError
        self.checks = checks
    }

    public var status: Status {
        if runError != nil { return .error }
        if checks.contains(where: { $0.status == .fail }) { return .fail }
        if checks.contains(where: { $0.status == .error }) { return .error }
        return .pass
    }

    public var passed: Bool { status == .pass }

    /// What the judges cost (kept apart from the cell's own cost); nil when no judge was priced.
    public var judgeCostUSD: Double? {
        let costs = checks.compactMap { $0.judge?.costUSD }
        return costs.isEmpty ? nil : costs.reduce(0, +)
    }
}
