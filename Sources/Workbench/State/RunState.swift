import Foundation
import Providers

/// One run in the workbench: what was asked, its phase, and its meter.
public struct RunState: Sendable, Equatable, Identifiable {
    /// Where a run is in its life.
    public enum Phase: String, Sendable, Equatable {
        case waiting, streaming, finished, failed, cancelled
        public var isActive: Bool { self == .waiting || self == .streaming }
    }

    public let id: String
    public var model: ModelRef
    public var parameters: GenerationParameters
    public var mode: RequestMode
    public var prompt: Prompt
    public var meter: RunMeter
    public var phase: Phase = .waiting
    /// The latest retry note from the provider layer ("retrying in 1.2 s after HTTP 429").
    public var retryNote: String?
    /// Set for runs loaded from a session file ("run 3"); they are shown, never recorded again.
    public var savedFrom: String?
    /// What the run is when more than a plain run ("re-run of run 3", "replay of run 3 ×2").
    public var label: String?
    /// Set when the run continues another's answer from a chosen token.
    public var branch: RunBranch?
    /// The finished answer checked against the prompt's response schema (nil without one, or before the end).
    public var schemaVerdict: SchemaVerdict?

    public init(
        id: String, model: ModelRef, parameters: GenerationParameters, mode: RequestMode, prompt: Prompt,
        startedAt: Double, price: Price?, protocolName: ProtocolName?
    ) {
        self.id = id
        self.model = model
        self.parameters = parameters
        self.mode = mode
        self.prompt = prompt
        self.meter = RunMeter(startedAt: startedAt, price: price, protocolName: protocolName, promptCharacters: prompt.textCharacters)
    }

    public var result: RunAccumulator { meter.result }
    /// The answer as read: a branch's prefix and what the model wrote after it.
    public var answerText: String { (branch?.prefix ?? "") + result.text }
    /// The answer's tokens with their probabilities, a branch's prefix first.
    public var shownTokens: [TokenLogprob] {
        guard let prefix = branch?.prefixTokens, !prefix.isEmpty else { return result.logprobs }
        return prefix + result.logprobs
    }
    public var startedAt: Double { meter.startedAt }
    public var firstTokenAt: Double? { meter.firstTokenAt }
    public var endedAt: Double? { meter.endedAt }
    public var price: Price? { meter.price }

    /// Folds one part in, at time `now`.
    public mutating func apply(_ part: StreamPart, at now: Double) {
        meter.add(part, at: now)
        switch part {
        case .textDelta, .reasoningDelta, .toolCallDelta:
            if phase == .waiting, meter.firstTokenAt != nil { phase = .streaming }
        case .warning(let w):
            if w.hasPrefix("retrying") { retryNote = w }
        case .error:
            if phase.isActive { phase = .failed }
        case .usage, .finish, .logprobs, .toolResult:
            break
        }
    }

    /// The stream closed; a run that saw no error finished (a cancelled one stays cancelled).
    public mutating func end(at now: Double) {
        meter.end(at: now)
        if phase.isActive { phase = result.failed ? .failed : .finished }
        if phase == .finished, let schema = prompt.schema { schemaVerdict = SchemaVerdict.check(answerText, against: schema.schema) }
    }

    /// The user cancelled: the partial answer stays.
    public mutating func cancel(at now: Double) {
        guard phase.isActive else { return }
        phase = .cancelled
        meter.end(at: now)
    }

    public var outputTokens: (count: Int, exact: Bool) { meter.outputTokens }
    public var inputTokens: (count: Int, exact: Bool) { meter.inputTokens }
    public var timeToFirstToken: Double? { meter.timeToFirstToken }
    public func elapsed(now: Double) -> Double { meter.elapsed(now: now) }
    public func tokensPerSecond(now: Double) -> Double? { meter.tokensPerSecond(now: now) }
    public var cost: Double? { meter.cost }
}
