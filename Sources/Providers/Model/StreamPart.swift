import Foundation

/// Why a model stopped, normalised across providers; `raw` keeps the provider's own word.
public struct FinishReason: Sendable, Equatable, Codable {
    /// The normalised reason.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        case stop, length, toolCalls = "tool_calls", contentFilter = "content_filter", refusal, error, other
    }
    public var kind: Kind
    /// What the provider sent (`end_turn`, `MAX_TOKENS`, `stop`...), when it sent something.
    public var raw: String?

    public init(_ kind: Kind, raw: String? = nil) {
        self.kind = kind
        self.raw = raw
    }
}

/// A piece of a streamed tool call: arguments arrive as JSON fragments to be concatenated per `index`.
public struct ToolCallDelta: Sendable, Equatable, Codable {
    public var index: Int
    public var id: String?
    public var name: String?
    public var argumentsDelta: String
    /// Gemini's `thoughtSignature` on the call's part, which the next request must carry back.
    public var signature: String?

    public init(index: Int, id: String? = nil, name: String? = nil, argumentsDelta: String = "") {
        self.index = index
        self.id = id
        self.name = name
        self.argumentsDelta = argumentsDelta
    }
}

/// The neutral stream every protocol is mapped into.
///
/// A well-formed stream ends after its terminator; a stream that ends with `.error` failed, and the
/// text before it is the partial answer.
public enum StreamPart: Sendable, Equatable {
    case textDelta(String)
    case reasoningDelta(String)
    case toolCallDelta(ToolCallDelta)
    /// A tool call's answer, added by the tool loop (never sent by a provider).
    case toolResult(ToolResult)
    /// How sure the model was of the tokens just streamed (only when asked for, and where the protocol gives it).
    case logprobs([TokenLogprob])
    /// Cumulative usage so far; a later `.usage` replaces an earlier one field by field.
    case usage(Usage)
    case finish(FinishReason)
    /// Something worth telling the user that did not stop the stream (a retry, an ignored field).
    case warning(String)
    /// The stream failed; nothing follows.
    case error(ProviderError)
}
