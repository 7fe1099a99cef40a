import Foundation

/// Folds a stream of parts into what a finished run is: text, reasoning, tool calls, usage, finish, error.
///
/// Pure and incremental: the workbench, `refract run` and the session writer all use it, so they agree
/// on what a run produced.
public struct RunAccumulator: Sendable, Equatable {
    /// A tool call assembled from its deltas.
    public struct ToolCall: Sendable, Equatable, Codable {
        public var index: Int
        public var id: String?
        public var name: String?
        public var arguments: String
        public var signature: String?
    }

    public private(set) var text = ""
    public private(set) var reasoning = ""
    public private(set) var toolCalls: [ToolCall] = []
    /// The tool loop's answers to those calls, in order.
    public private(set) var toolResults: [ToolResult] = []
    /// The text with the loop's calls and answers where they happened (`ToolTranscript`); nil until a
    /// tool part arrives, so runs without tools keep one copy of their text.
    public private(set) var transcript: String?
    public private(set) var usage: Usage?
    public private(set) var finish: FinishReason?
    public private(set) var error: ProviderError?
    public private(set) var warnings: [String] = []
    /// Every token's log-probability, when they were asked for and the protocol gave them.
    public private(set) var logprobs: [TokenLogprob] = []

    public init() {}

    /// Adds one part.
    public mutating func add(_ part: StreamPart) {
        switch part {
        case .textDelta(let s):
            text += s
            transcript? += s
        case .reasoningDelta(let s): reasoning += s
        case .toolCallDelta(let d):
            if transcript == nil { transcript = text }
            if let name = d.name, !toolCalls.contains(where: { $0.index == d.index }) {
                let start = ToolTranscript.callStart(name: name, after: transcript ?? "")
                transcript? += start
            }
            transcript? += d.argumentsDelta
            if let i = toolCalls.firstIndex(where: { $0.index == d.index }) {
                if let id = d.id { toolCalls[i].id = id }
                if let name = d.name { toolCalls[i].name = name }
                toolCalls[i].arguments += d.argumentsDelta
                if let signature = d.signature { toolCalls[i].signature = signature }
            } else {
                toolCalls.append(ToolCall(index: d.index, id: d.id, name: d.name, arguments: d.argumentsDelta, signature: d.signature))
            }
        case .toolResult(let r):
            toolResults.append(r)
            if transcript == nil { transcript = text }
            transcript? += ToolTranscript.result(r)
        case .usage(let u): usage = (usage ?? Usage()).overwritten(by: u)
        case .finish(let f): finish = f
        case .logprobs(let tokens): logprobs += tokens
        case .warning(let w): warnings.append(w)
        case .error(let e): error = e
        }
    }

    /// What a screen shows: the transcript of a looped run, else the text.
    public var shownText: String { transcript ?? text }

    /// True when the run failed (an error part arrived).
    public var failed: Bool { error != nil }

    /// The finish reason to report: `error` when the run failed, else what the provider said.
    public var reportedFinish: FinishReason? {
        error != nil ? FinishReason(.error, raw: finish?.raw) : finish
    }
}
