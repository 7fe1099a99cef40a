import Evaluation
import Foundation
import Providers

/// An evaluation ready to start: its cells, and the recorded answers the cache found for some of them.
public struct PreparedEvaluation: Sendable, Equatable {
    /// A recorded answer reused for a cell: played into the session as a run marked cached.
    public struct CachedAnswer: Sendable, Equatable {
        /// The parts to record (a `cached:` warning naming the original, the text, usage, finish).
        public var parts: [StreamPart]
        public var text: String
        public var costUSD: Double?
        public var ttftMs: Int?
        public var latencyMs: Int?

        public init(parts: [StreamPart], text: String, costUSD: Double?, ttftMs: Int?, latencyMs: Int?) {
            self.parts = parts
            self.text = text
            self.costUSD = costUSD
            self.ttftMs = ttftMs
            self.latencyMs = latencyMs
        }
    }

    public var plan: EvalPlan
    /// Cell index → its recorded answer.
    public var cached: [Int: CachedAnswer]
    /// Misspelt evaluation keys and the like: shown, never fatal.
    public var warnings: [String]

    public init(plan: EvalPlan, cached: [Int: CachedAnswer] = [:], warnings: [String] = []) {
        self.plan = plan
        self.cached = cached
        self.warnings = warnings
    }

}
