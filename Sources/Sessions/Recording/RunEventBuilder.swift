import Foundation
import Providers

/// Turns one run's stream parts, each with its time offset, into the session events to save.
///
/// Pure: no clock, no I/O. `RunRecorder` wraps it with a clock and a sink; tests drive it directly.
public struct RunEventBuilder: Sendable {
    public let run: Int
    /// What the run produced so far (the same fold the workbench shows).
    public private(set) var accumulator = RunAccumulator()
    /// Milliseconds to the first text, reasoning or tool-call delta.
    public private(set) var firstTokenMs: Int?
    /// True once `end` or `cancel` was called; later parts are ignored.
    public private(set) var isEnded = false
    private var coalescer: DeltaCoalescer
    /// Log-probabilities of text still in the coalescer's window: written right after that text's line.
    private var pendingLogprobs: [TokenLogprob] = []
    private var pendingLogprobsMs = 0
    /// The schema the answer is checked against when the run finishes (`run_finished.schema`).
    public var schema: ResponseSchema?
    /// A branch's prefix: the answer checked is the prefix and what the run wrote after it.
    public var schemaPrefix = ""

    public init(run: Int, windowMs: Int = 50) {
        self.run = run
        coalescer = DeltaCoalescer(run: run, windowMs: windowMs)
    }

    /// Adds a part received `ms` after the run started.
    public mutating func add(_ part: StreamPart, atMs ms: Int) -> [SessionEvent] {
        guard !isEnded else { return [] }
        accumulator.add(part)
        switch part {
        case .textDelta(let s):
            return delta(.text, s, ms)
        case .reasoningDelta(let s):
            return delta(.reasoning, s, ms)
        case .toolCallDelta(let d):
            return delta(.toolCall(index: d.index), d.argumentsDelta, ms, id: d.id, name: d.name)
        case .logprobs(let tokens):
            if pendingLogprobs.isEmpty { pendingLogprobsMs = ms }
            pendingLogprobs += tokens
            return []
        case .usage:
            var out = flushed()
            if let usage = accumulator.usage { out.append(.usage(UsageEvent(run: run, usage: usage))) }
            return out
        case .toolResult(let result):
            return flushed() + [.toolResult(ToolResultEvent(run: run, ms: ms, result: result))]
        case .warning(let message):
            return flushed() + [.warning(SessionWarning(run: run, message: message))]
        case .finish, .error:
            // Saved by `end`, together with the totals.
            return flushed()
        }
    }

    /// Closes a window that has been open long enough (call from a timer while the stream is quiet).
    public mutating func tick(atMs ms: Int) -> [SessionEvent] {
        guard !isEnded else { return [] }
        return withPendingLogprobs(coalescer.flushIfDue(atMs: ms).map { [$0] } ?? [])
    }

    /// The stream ended `ms` after the start: the last window, the cost, then `finished` or `failed`.
    public mutating func end(atMs ms: Int, cost: RunCost? = nil) -> [SessionEvent] {
        guard !isEnded else { return [] }
        isEnded = true
        var out = flushed()
        // The server's usage is saved as it said it; a placeholder zero gets Refract's estimate beside it.
        let answerCharacters = accumulator.text.unicodeScalars.count + accumulator.reasoning.unicodeScalars.count
        if TokenEstimate.isPlaceholder(accumulator.usage?.output, characters: answerCharacters) {
            out.append(.warning(SessionWarning(run: run, message: TokenEstimate.placeholderNote(characters: answerCharacters))))
        }
        if let cost { out.append(.cost(CostEvent(run: run, usd: cost.usd, price: cost.price))) }
        if let error = accumulator.error {
            out.append(.failed(RunFailed(run: run, error: .init(kind: error.kind, message: error.message), ttftMs: firstTokenMs, totalMs: ms)))
        } else {
            // A stream must end with a finish; one that did not is still a run whose text we keep.
            let finish = accumulator.finish ?? FinishReason(.other)
            var finished = RunFinished(run: run, finish: finish.kind, rawFinish: finish.raw, ttftMs: firstTokenMs, totalMs: ms)
            finished.schema = schema.map { SchemaVerdict.check(schemaPrefix + accumulator.text, against: $0.schema) }
            out.append(.finished(finished))
        }
        return out
    }

    /// The user stopped the run: saved as failed (`cancelled`), with the partial answer kept.
    public mutating func cancel(atMs ms: Int, cost: RunCost? = nil, message: String = "cancelled by the user") -> [SessionEvent] {
        guard !isEnded else { return [] }
        if accumulator.error == nil { accumulator.add(.error(ProviderError(kind: .cancelled, message: message))) }
        return end(atMs: ms, cost: cost)
    }

    private mutating func delta(_ channel: DeltaCoalescer.Channel, _ text: String, _ ms: Int, id: String? = nil, name: String? = nil) -> [SessionEvent] {
        if firstTokenMs == nil { firstTokenMs = ms }
        return withPendingLogprobs(coalescer.add(channel, text, atMs: ms, toolID: id, toolName: name))
    }

    private mutating func flushed() -> [SessionEvent] {
        withPendingLogprobs(coalescer.flush().map { [$0] } ?? [], always: true)
    }

    /// When the coalescer writes a window out, the log-probabilities that arrived meanwhile follow it, so
    /// tokens stay in order with the text (the window's last token may be listed with the next one).
    private mutating func withPendingLogprobs(_ events: [SessionEvent], always: Bool = false) -> [SessionEvent] {
        guard !pendingLogprobs.isEmpty, always || !events.isEmpty else { return events }
        defer { pendingLogprobs = [] }
        return events + [.logprobs(LogprobsEvent(run: run, ms: pendingLogprobsMs, tokens: pendingLogprobs))]
    }
}
