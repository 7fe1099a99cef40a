import Foundation

/// One line of a session file. Every line is a JSON object whose first key is `type`.
public enum SessionEvent: Sendable, Equatable {
    case session(SessionHeader)
    case runStarted(RunStarted)
    case text(DeltaEvent)
    case reasoning(DeltaEvent)
    case toolCall(ToolCallEvent)
    case usage(UsageEvent)
    case cost(CostEvent)
    case finished(RunFinished)
    case failed(RunFailed)
    case warning(SessionWarning)
    case renamed(Renamed)
    case groupStarted(GroupStarted)
    case verdict(Verdict)
    /// A type this version does not know, kept as its raw JSON line; consumers ignore it.
    case unknown(type: String, raw: String)

    /// The names used in the `type` field.
    public enum Kind: String, Sendable, CaseIterable {
        case session, runStarted = "run_started", text, reasoning, toolCall = "tool_call", usage, cost
        case finished, failed, warning, renamed, groupStarted = "group_started", verdict
    }

    /// The `type` field's value.
    public var typeName: String {
        switch self {
        case .session: Kind.session.rawValue
        case .runStarted: Kind.runStarted.rawValue
        case .text: Kind.text.rawValue
        case .reasoning: Kind.reasoning.rawValue
        case .toolCall: Kind.toolCall.rawValue
        case .usage: Kind.usage.rawValue
        case .cost: Kind.cost.rawValue
        case .finished: Kind.finished.rawValue
        case .failed: Kind.failed.rawValue
        case .warning: Kind.warning.rawValue
        case .renamed: Kind.renamed.rawValue
        case .groupStarted: Kind.groupStarted.rawValue
        case .verdict: Kind.verdict.rawValue
        case .unknown(let type, _): type
        }
    }

    /// The run this event belongs to, when it belongs to one.
    public var run: Int? {
        switch self {
        case .runStarted(let e): e.run
        case .text(let e), .reasoning(let e): e.run
        case .toolCall(let e): e.run
        case .usage(let e): e.run
        case .cost(let e): e.run
        case .finished(let e): e.run
        case .failed(let e): e.run
        case .warning(let e): e.run
        case .session, .renamed, .groupStarted, .verdict, .unknown: nil
        }
    }
}

extension SessionEvent: Codable {
    enum TypeKey: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
        guard let kind = Kind(rawValue: type) else {
            // The raw line is filled in by `SessionLineCodec`, which has the bytes.
            self = .unknown(type: type, raw: "")
            return
        }
        switch kind {
        case .session: self = .session(try SessionHeader(from: decoder))
        case .runStarted: self = .runStarted(try RunStarted(from: decoder))
        case .text: self = .text(try DeltaEvent(from: decoder))
        case .reasoning: self = .reasoning(try DeltaEvent(from: decoder))
        case .toolCall: self = .toolCall(try ToolCallEvent(from: decoder))
        case .usage: self = .usage(try UsageEvent(from: decoder))
        case .cost: self = .cost(try CostEvent(from: decoder))
        case .finished: self = .finished(try RunFinished(from: decoder))
        case .failed: self = .failed(try RunFailed(from: decoder))
        case .warning: self = .warning(try SessionWarning(from: decoder))
        case .renamed: self = .renamed(try Renamed(from: decoder))
        case .groupStarted: self = .groupStarted(try GroupStarted(from: decoder))
        case .verdict: self = .verdict(try Verdict(from: decoder))
        }
    }

    /// Writes `type` first, then the payload's fields into the same object.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: TypeKey.self)
        try c.encode(typeName, forKey: .type)
        switch self {
        case .session(let e): try e.encode(to: encoder)
        case .runStarted(let e): try e.encode(to: encoder)
        case .text(let e), .reasoning(let e): try e.encode(to: encoder)
        case .toolCall(let e): try e.encode(to: encoder)
        case .usage(let e): try e.encode(to: encoder)
        case .cost(let e): try e.encode(to: encoder)
        case .finished(let e): try e.encode(to: encoder)
        case .failed(let e): try e.encode(to: encoder)
        case .warning(let e): try e.encode(to: encoder)
        case .renamed(let e): try e.encode(to: encoder)
        case .groupStarted(let e): try e.encode(to: encoder)
        case .verdict(let e): try e.encode(to: encoder)
        case .unknown:
            // Only its type: `SessionLineCodec` writes an unknown event's raw line back unchanged.
            break
        }
    }
}
