import Foundation

/// One line of a session file. Every line is a JSON object whose first key is `type`.
///
/// A session file (`*.jsonl`, mode 0600) is append-only: a `session` header, then events as they
/// happen. Runs are numbered 1, 2, 3 within the session; events of concurrent runs interleave.
///
///     {"type":"session","version":1,"id":"…","title":"…","created":"2025-06-01T14:03:22.123Z","refract_version":"…"}
///     {"type":"run_started","run":1,"group":1,"at":"…","model":"anthropic:claude-…","protocol":"anthropic","mode":"chat","label":"…","variant":"…","params":{…},"prompt":{"system":"…","instruction":"…","input":"…","variables":{…}}}
///     {"type":"text","run":1,"ms":812,"text":"Light bends "}        ← one per ~50 ms window; `ms` from the run's start
///     {"type":"reasoning","run":1,"ms":40,"text":"…"}
///     {"type":"tool_call","run":1,"ms":900,"index":0,"id":"…","name":"…","arguments":"{\"q\":"}
///     {"type":"tool_result","run":1,"ms":950,"index":0,"id":"…","name":"…","content":"…","is_error":false,"step":1}   ← the tool loop's answer
///     {"type":"usage","run":1,"usage":{"input":12,"output":345,"cache_read":null,"cache_write":null,"reasoning":null}}
///     {"type":"cost","run":1,"usd":0.0052,"price":{"input":3,"output":15,"source":"data/prices.toml","checked":"2025-06-01"}}
///     {"type":"finished","run":1,"finish":"stop","raw_finish":"end_turn","ttft_ms":812,"total_ms":4200}
///     {"type":"failed","run":2,"error":{"kind":"rate_limited","message":"…"},"ttft_ms":null,"total_ms":300}
///     {"type":"warning","run":1,"message":"…"}                  ← `run` absent: about the session
///     {"type":"renamed","title":"…","at":"…"}
///     {"type":"group_started","group":1,"at":"…","kind":"grid","instructions":["…"],"models":["a:b"]}
///     {"type":"verdict","group":1,"at":"…","ranking":[3,1,2],"blind":true}   ← or "winner":3, or "tie":true
///     {"type":"check_result","run":3,"index":0,"name":"…","check":"contains","result":"pass","reason":"…","weight":1}   ← evaluations, after the run ends
///
/// Readers ignore unknown event types and unknown fields; only a header with a newer `version` is refused.
/// A run without a `cost` is unpriced (never $0); a run without `finished`/`failed` was cut off.
public enum SessionEvent: Sendable, Equatable {
    case session(SessionHeader)
    case runStarted(RunStarted)
    case text(DeltaEvent)
    case reasoning(DeltaEvent)
    case toolCall(ToolCallEvent)
    /// The tool loop's answer to a call.
    case toolResult(ToolResultEvent)
    case logprobs(LogprobsEvent)
    case usage(UsageEvent)
    case cost(CostEvent)
    case finished(RunFinished)
    case failed(RunFailed)
    case warning(SessionWarning)
    case renamed(Renamed)
    case groupStarted(GroupStarted)
    case verdict(Verdict)
    /// An evaluation's check result on a run (after the run's end).
    case checkResult(CheckResultEvent)
    /// A type this version does not know, kept as its raw JSON line; consumers ignore it.
    case unknown(type: String, raw: String)

    /// The names used in the `type` field.
    public enum Kind: String, Sendable, CaseIterable {
        case session, runStarted = "run_started", text, reasoning, toolCall = "tool_call", logprobs, usage, cost
        case finished, failed, warning, renamed, groupStarted = "group_started", verdict
        case checkResult = "check_result"
        case toolResult = "tool_result"
    }

    /// The `type` field's value.
    public var typeName: String {
        switch self {
        case .session: Kind.session.rawValue
        case .runStarted: Kind.runStarted.rawValue
        case .text: Kind.text.rawValue
        case .reasoning: Kind.reasoning.rawValue
        case .toolCall: Kind.toolCall.rawValue
        case .toolResult: Kind.toolResult.rawValue
        case .logprobs: Kind.logprobs.rawValue
        case .usage: Kind.usage.rawValue
        case .cost: Kind.cost.rawValue
        case .finished: Kind.finished.rawValue
        case .failed: Kind.failed.rawValue
        case .warning: Kind.warning.rawValue
        case .renamed: Kind.renamed.rawValue
        case .groupStarted: Kind.groupStarted.rawValue
        case .verdict: Kind.verdict.rawValue
        case .checkResult: Kind.checkResult.rawValue
        case .unknown(let type, _): type
        }
    }

    /// The run this event belongs to, when it belongs to one.
    public var run: Int? {
        switch self {
        case .runStarted(let e): e.run
        case .text(let e), .reasoning(let e): e.run
        case .toolCall(let e): e.run
        case .toolResult(let e): e.run
        case .logprobs(let e): e.run
        case .usage(let e): e.run
        case .cost(let e): e.run
        case .finished(let e): e.run
        case .failed(let e): e.run
        case .warning(let e): e.run
        case .checkResult(let e): e.run
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
        case .toolResult: self = .toolResult(try ToolResultEvent(from: decoder))
        case .logprobs: self = .logprobs(try LogprobsEvent(from: decoder))
        case .usage: self = .usage(try UsageEvent(from: decoder))
        case .cost: self = .cost(try CostEvent(from: decoder))
        case .finished: self = .finished(try RunFinished(from: decoder))
        case .failed: self = .failed(try RunFailed(from: decoder))
        case .warning: self = .warning(try SessionWarning(from: decoder))
        case .renamed: self = .renamed(try Renamed(from: decoder))
        case .groupStarted: self = .groupStarted(try GroupStarted(from: decoder))
        case .verdict: self = .verdict(try Verdict(from: decoder))
        case .checkResult: self = .checkResult(try CheckResultEvent(from: decoder))
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
        case .toolResult(let e): try e.encode(to: encoder)
        case .logprobs(let e): try e.encode(to: encoder)
        case .usage(let e): try e.encode(to: encoder)
        case .cost(let e): try e.encode(to: encoder)
        case .finished(let e): try e.encode(to: encoder)
        case .failed(let e): try e.encode(to: encoder)
        case .warning(let e): try e.encode(to: encoder)
        case .renamed(let e): try e.encode(to: encoder)
        case .groupStarted(let e): try e.encode(to: encoder)
        case .verdict(let e): try e.encode(to: encoder)
        case .checkResult(let e): try e.encode(to: encoder)
        case .unknown:
            // Only its type: `SessionLineCodec` writes an unknown event's raw line back unchanged.
            break
        }
    }
}
