import Foundation
import Providers

/// A saved run, assembled from its events: prompt, model, answer, usage, cost, outcome and timing.
public struct RecordedRun: Sendable, Equatable {
    /// How the run ended.
    public enum Outcome: Sendable, Equatable {
        case finished(RunFinished)
        case failed(RunFailed)
        /// The file stops before the run ended (Refract was killed, or the run is still going).
        case incomplete
    }

    public var started: RunStarted
    public var text = ""
    public var reasoning = ""
    public var toolCalls: [RunAccumulator.ToolCall] = []
    public var usage: Usage?
    /// Nil when the run is unpriced.
    public var cost: CostEvent?
    public var outcome: Outcome = .incomplete
    /// Every recorded part with its time, in file order, ending with `.finish` or `.error` when the run ended.
    public var timeline: [TimedPart] = []
    /// Warnings recorded for this run.
    public var warnings: [String] = []
    /// Check results recorded after the run (an evaluation's cell), in file order.
    public var checks: [CheckResultEvent] = []

    public init(started: RunStarted) {
        self.started = started
    }

    public var run: Int { started.run }

    /// The answer as read: a branch's prefix (the parent's answer up to the chosen token) and what the
    /// model wrote after it; for any other run, its text.
    public var answerText: String { (started.branch?.prefix ?? "") + text }
    public var model: ModelRef { started.model }

    public var ttftMs: Int? {
        switch outcome {
        case .finished(let f): f.ttftMs
        case .failed(let f): f.ttftMs
        case .incomplete: timeline.first { $0.part.isDelta }?.ms
        }
    }

    /// The answer checked against the run's schema, when it had one and finished.
    public var schemaVerdict: SchemaVerdict? {
        if case .finished(let f) = outcome { return f.schema }
        return nil
    }

    public var totalMs: Int? {
        switch outcome {
        case .finished(let f): f.totalMs
        case .failed(let f): f.totalMs
        case .incomplete: nil
        }
    }

    public var failure: RunFailed? {
        if case .failed(let f) = outcome { return f }
        return nil
    }
}

extension StreamPart {
    /// Text, reasoning or a tool-call fragment (what the coalescer folds).
    public var isDelta: Bool {
        switch self {
        case .textDelta, .reasoningDelta, .toolCallDelta: true
        default: false
        }
    }
}
