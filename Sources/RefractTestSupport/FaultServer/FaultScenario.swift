/// A parsed model name: the mode plus its options (see `FaultMode` for the table).
public struct FaultScenario: Sendable, Equatable {
    public var mode: FaultMode
    public var tokens: Int = 12
    /// Milliseconds between tokens (between bytes for `drip`); nil means the mode's default.
    public var delayMilliseconds: Int?
    public var reasoningTokens: Int = 0
    public var failCount: Int?
    public var headDelayMilliseconds: Int = 0

    public init(mode: FaultMode) { self.mode = mode }

    /// Why a model name was not understood.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Parses `[faults:]mode[,option=value...]`.
    public static func parse(_ modelName: String) throws(ParseError) -> FaultScenario {
        var name = Substring(modelName)
        if name.hasPrefix("faults:") { name = name.dropFirst(7) }
        if name.hasPrefix("models/") { name = name.dropFirst(7) }
        let pieces = name.split(separator: ",", omittingEmptySubsequences: true)
        guard let modeName = pieces.first, let mode = FaultMode(name: String(modeName)) else {
            throw ParseError(message: "unknown fault mode '\(pieces.first ?? "")' (see refract-fault-server --help)")
        }
        var scenario = FaultScenario(mode: mode)
        for option in pieces.dropFirst() {
            let pair = option.split(separator: "=", maxSplits: 1)
            let key = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if key == "id" { continue }
            guard let number = Int(value), number >= 0 else {
                throw ParseError(message: "fault option '\(option)' needs a whole number (see refract-fault-server --help)")
            }
            switch key {
            case "tokens": scenario.tokens = number
            case "delay": scenario.delayMilliseconds = number
            case "reasoning": scenario.reasoningTokens = number
            case "fail": scenario.failCount = number
            case "head-delay": scenario.headDelayMilliseconds = number
            default: throw ParseError(message: "unknown fault option '\(key)' (see refract-fault-server --help)")
            }
        }
        return scenario
    }
}
