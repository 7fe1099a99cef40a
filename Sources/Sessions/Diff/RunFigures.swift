import Foundation
import Providers

/// The figures of one run that a comparison looks at: output tokens, cost and latency.
public struct RunFigures: Sendable, Equatable {
    /// Nil when unknown (no usage reported and no estimate).
    public var outputTokens: Int?
    /// True when `outputTokens` came from the provider's usage, false when estimated from the text.
    public var outputTokensExact: Bool
    /// Nil when unpriced.
    public var costUSD: Double?
    public var ttftMs: Int?
    public var totalMs: Int?

    public init(outputTokens: Int?, outputTokensExact: Bool = true, costUSD: Double?, ttftMs: Int?, totalMs: Int?) {
        self.outputTokens = outputTokens
        self.outputTokensExact = outputTokensExact
        self.costUSD = costUSD
        self.ttftMs = ttftMs
        self.totalMs = totalMs
    }

    /// A saved run's figures (output tokens estimated at ~4 characters a token when no usage, or a placeholder zero, was saved).
    public init(_ run: RecordedRun) {
        let chars = run.text.unicodeScalars.count + run.reasoning.unicodeScalars.count
        if let exact = run.usage?.output, !TokenEstimate.isPlaceholder(exact, characters: chars) {
            self.init(outputTokens: exact, outputTokensExact: true, costUSD: run.cost?.usd, ttftMs: run.ttftMs, totalMs: run.totalMs)
        } else {
            self.init(outputTokens: TokenEstimate.tokens(characters: chars), outputTokensExact: false, costUSD: run.cost?.usd, ttftMs: run.ttftMs, totalMs: run.totalMs)
        }
    }

    /// A live (or just finished) run's figures; `now` (monotonic seconds) measures a run still going.
    public init(_ meter: RunMeter, now: Double? = nil) {
        let tokens = meter.outputTokens
        let end = meter.endedAt ?? now
        self.init(
            outputTokens: tokens.count, outputTokensExact: tokens.exact, costUSD: meter.cost,
            ttftMs: meter.timeToFirstToken.map { Int(($0 * 1000).rounded()) },
            totalMs: end.map { Int((($0 - meter.startedAt) * 1000).rounded()) }
        )
    }
}
