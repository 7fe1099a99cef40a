import Foundation

/// A run's figures as they accrue: tokens (estimated until usage arrives), time to first token,
/// speed, elapsed time and cost. Shared by the workbench meter, `refract run` and `compare`.
public struct RunMeter: Sendable, Equatable {
    /// Monotonic seconds.
    public var startedAt: Double
    public var firstTokenAt: Double?
    public var endedAt: Double?
    public var result = RunAccumulator()
    public var price: Price?
    public var protocolName: ProtocolName?
    /// Characters of prompt sent, for the input estimate before usage arrives.
    public var promptCharacters: Int
    /// Unicode scalars of text and reasoning so far, counted as they arrive (the meter asks every frame).
    public private(set) var outputCharacters = 0

    public init(startedAt: Double, price: Price?, protocolName: ProtocolName?, promptCharacters: Int) {
        self.startedAt = startedAt
        self.price = price
        self.protocolName = protocolName
        self.promptCharacters = promptCharacters
    }

    /// Folds a part in at time `now`; the first non-empty text, reasoning or tool call starts the clock.
    public mutating func add(_ part: StreamPart, at now: Double) {
        switch part {
        case .textDelta(let s), .reasoningDelta(let s):
            if firstTokenAt == nil, !s.isEmpty { firstTokenAt = now }
            outputCharacters += s.unicodeScalars.count
        case .toolCallDelta:
            if firstTokenAt == nil { firstTokenAt = now }
        case .error:
            endedAt = endedAt ?? now
        default:
            break
        }
        result.add(part)
    }

    public mutating func end(at now: Double) { endedAt = endedAt ?? now }

    /// Output tokens: exact when usage arrived, else about 4 characters a token (also when the server's
    /// figure is a placeholder zero for a non-empty answer; `result.usage` keeps what it said).
    public var outputTokens: (count: Int, exact: Bool) {
        if let reported = result.usage?.output, !TokenEstimate.isPlaceholder(reported, characters: outputCharacters) { return (reported, true) }
        return (TokenEstimate.tokens(characters: outputCharacters), false)
    }

    /// Input tokens: exact when usage arrived, else estimated from the prompt (also for a placeholder zero).
    public var inputTokens: (count: Int, exact: Bool) {
        if let reported = result.usage?.input, !TokenEstimate.isPlaceholder(reported, characters: promptCharacters) { return (reported, true) }
        return (TokenEstimate.tokens(characters: promptCharacters), false)
    }

    /// Set when the server reported zero output tokens for a non-empty answer: says so, with Refract's estimate.
    public var reportedZeroNote: String? {
        TokenEstimate.isPlaceholder(result.usage?.output, characters: outputCharacters)
            ? TokenEstimate.placeholderNote(characters: outputCharacters) : nil
    }

    public var timeToFirstToken: Double? { firstTokenAt.map { $0 - startedAt } }

    /// Seconds from start to the end (or to `now` while running).
    public func elapsed(now: Double) -> Double { (endedAt ?? now) - startedAt }

    /// Output tokens per second after the first token; nil until there is enough to measure.
    public func tokensPerSecond(now: Double) -> Double? {
        guard let first = firstTokenAt else { return nil }
        let seconds = (endedAt ?? now) - first
        let tokens = outputTokens.count
        guard seconds > 0.05, tokens > 1 else { return nil }
        return Double(tokens - 1) / seconds
    }

    /// USD so far (exact usage, else the estimates, also in place of placeholder zeros); nil when the model is unpriced.
    public var cost: Double? {
        guard let price else { return nil }
        var usage = result.usage ?? Usage()
        if !inputTokens.exact { usage.input = inputTokens.count }
        if !outputTokens.exact { usage.output = outputTokens.count }
        return CostCalculator.cost(of: usage, at: price, protocol: protocolName)
    }
}
