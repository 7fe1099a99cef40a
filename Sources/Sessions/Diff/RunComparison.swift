import Foundation

/// How a second run differs from a first in output tokens, cost and latency (for the re-run view).
///
/// Every change is `after - before`, nil when either side does not have the figure (an unpriced run
/// has no cost change, never a change "from $0").
public struct RunComparison: Sendable, Equatable, CustomStringConvertible {
    public var before: RunFigures
    public var after: RunFigures

    public init(before: RunFigures, after: RunFigures) {
        self.before = before
        self.after = after
    }

    public init(before: RecordedRun, after: RecordedRun) {
        self.init(before: RunFigures(before), after: RunFigures(after))
    }

    public var outputTokensChange: Int? { Self.difference(before.outputTokens, after.outputTokens) }
    public var costChangeUSD: Double? {
        guard let b = before.costUSD, let a = after.costUSD else { return nil }
        return a - b
    }
    public var ttftChangeMs: Int? { Self.difference(before.ttftMs, after.ttftMs) }
    public var totalChangeMs: Int? { Self.difference(before.totalMs, after.totalMs) }

    /// The relative change of output tokens (0.25 = 25 % more); nil when unknown or the first is 0.
    public var outputTokensRatio: Double? { Self.ratio(before.outputTokens, after.outputTokens) }
    /// The relative change of total time; nil when unknown or the first is 0.
    public var totalRatio: Double? { Self.ratio(before.totalMs, after.totalMs) }

    /// One line: `output +12 tokens (+30%) · cost +$0.000120 · ttft −0.05 s · total +0.40 s (+12%)`.
    public var description: String {
        var parts: [String] = []
        if let d = outputTokensChange {
            let approx = before.outputTokensExact && after.outputTokensExact ? "" : "~"
            parts.append("output \(Self.signed(d))\(approx) tokens" + (outputTokensRatio.map { " (\(Self.percent($0)))" } ?? ""))
        } else {
            parts.append("output ?")
        }
        if let c = costChangeUSD {
            parts.append("cost " + (c == 0 ? "±$0" : (c > 0 ? "+" : "−") + ExportFormatting.usd(abs(c))))
        } else {
            parts.append("cost unpriced")
        }
        parts.append("ttft " + (ttftChangeMs.map(Self.seconds) ?? "?"))
        parts.append("total " + (totalChangeMs.map(Self.seconds) ?? "?") + (totalRatio.map { " (\(Self.percent($0)))" } ?? ""))
        return parts.joined(separator: " · ")
    }

    private static func difference(_ b: Int?, _ a: Int?) -> Int? {
        guard let b, let a else { return nil }
        return a - b
    }

    private static func ratio(_ b: Int?, _ a: Int?) -> Double? {
        guard let b, let a, b != 0 else { return nil }
        return Double(a - b) / Double(b)
    }

    private static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : (n < 0 ? "−\(-n)" : "±0") }

    private static func percent(_ r: Double) -> String {
        let p = Int((r * 100).rounded())
        return p > 0 ? "+\(p)%" : (p < 0 ? "−\(-p)%" : "±0%")
    }

    private static func seconds(_ ms: Int) -> String {
        let text = String(format: "%.2f s", Double(abs(ms)) / 1000)
        return ms > 0 ? "+" + text : (ms < 0 ? "−" + text : "±" + text)
    }
}
