/// One thing the fault server does while streaming a 200 answer.
enum FaultStep: Equatable {
    case reasoning([UInt8])
    case text([UInt8])
    /// An event whose JSON is cut short.
    case malformed
    /// Finish reason, usage and the protocol's terminator; then the body ends properly.
    case finish
    /// The protocol's mid-stream error event; then the connection closes.
    case midstreamError
    /// TCP reset.
    case reset
    /// The HTTP body ends cleanly without the protocol's terminator.
    case cut
    /// Silence until the client hangs up.
    case stall
}

/// The steps of one streamed answer, generated lazily (a `large-50` answer is 51,200 steps; `endless` never ends).
struct FaultScript: IteratorProtocol {
    private let scenario: FaultScenario
    private var reasoningLeft: Int
    private var index = 0
    private var ended = false

    init(scenario: FaultScenario) {
        self.scenario = scenario
        self.reasoningLeft = scenario.reasoningTokens
    }

    mutating func next() -> FaultStep? {
        guard !ended else { return nil }
        if reasoningLeft > 0 {
            let i = scenario.reasoningTokens - reasoningLeft
            reasoningLeft -= 1
            return .reasoning(Array(FaultText.reasoningToken(i).utf8))
        }
        let i = index
        index += 1
        if let step = body(i) { return step }
        ended = true
        return ending
    }

    /// Step `i` of the answer proper, or nil when the answer is over.
    private func body(_ i: Int) -> FaultStep? {
        func plain(_ count: Int) -> FaultStep? { i < count ? .text(Array(FaultText.token(i).utf8)) : nil }
        switch scenario.mode {
        case .ok, .drip, .httpError, .resetBeforeResponse: return plain(scenario.tokens)
        case .midstreamError(let n), .reset(let n), .cut(let n), .stall(let n): return plain(n)
        case .endless: return .text(Array(FaultText.token(i).utf8))
        case .invalidUTF8: return i < FaultText.invalidUTF8Tokens.count ? .text(FaultText.invalidUTF8Tokens[i]) : nil
        case .malformedJSON:
            if i == 3 { return .malformed }
            return i < 7 ? .text(Array(FaultText.token(i < 3 ? i : i - 1).utf8)) : nil
        case .large(let megabytes): return i < megabytes * 1024 ? .text(FaultText.largeToken(i)) : nil
        case .hostile: return i < FaultText.hostileTokens.count ? .text(Array(FaultText.hostileTokens[i].utf8)) : nil
        case .hostileLongLine:
            let tokens = FaultText.longLineTokens
            return i < tokens.count ? .text(Array(tokens[i].utf8)) : nil
        case .hostileManyLines:
            let tokens = FaultText.manyLinesTokens
            return i < tokens.count ? .text(Array(tokens[i].utf8)) : nil
        }
    }

    private var ending: FaultStep {
        switch scenario.mode {
        case .midstreamError: .midstreamError
        case .reset: .reset
        case .cut: .cut
        case .stall: .stall
        default: .finish
        }
    }
}
