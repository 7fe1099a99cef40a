import Foundation

/// The tool loop as a value-type state machine: after each model step it decides whether the run is
/// over or which calls to answer, and builds the next request from the calls and their results.
///
/// No I/O: what answers a call (a fixed text, a command, the user) is the caller's business. Calls to
/// an unknown tool or with arguments that break the tool's schema are answered here, with an error
/// result the model can read and correct itself from.
public struct ToolLoop: Sendable {
    /// The default number of tool steps before the loop stops (`max_tool_steps`).
    public static let defaultMaxSteps = 8

    /// One call of a step, and what to do with it.
    public struct PendingCall: Sendable, Equatable {
        public var call: ToolCall
        /// Its index in the whole run (calls are numbered across steps).
        public var index: Int
        /// The definition to answer it with, or nil when `rejection` already answers it.
        public var tool: ToolDefinition?
        /// The call's arguments, parsed (an empty text counts as `{}`).
        public var arguments: JSON
        /// An error result decided here (unknown tool, not JSON, breaks the schema).
        public var rejection: String?
    }

    /// What comes after a model step.
    public enum Decision: Sendable, Equatable {
        /// The model answered without calls (or the run failed): the run is over.
        case finished
        /// Answer these calls, then send `nextRequest(answering:)`.
        case answer([PendingCall])
        /// The model wants more calls than `maxSteps` allows; the line says so.
        case stepLimit(String)
    }

    public let tools: [ToolDefinition]
    public let maxSteps: Int
    /// The request the next model step sends.
    public private(set) var request: ModelRequest
    /// Tool steps answered so far.
    public private(set) var step = 0
    /// Calls seen so far in the run (the offset for the next step's indexes).
    public private(set) var callCount = 0
    private var pending: (text: String, calls: [PendingCall])?

    public init(request: ModelRequest, maxSteps: Int = ToolLoop.defaultMaxSteps) {
        self.request = request
        self.tools = request.tools
        self.maxSteps = max(0, maxSteps)
    }

    /// Decides after one model step, given what it produced (its text and its calls in index order).
    public mutating func decide(text: String, calls: [RunAccumulator.ToolCall], failed: Bool) -> Decision {
        guard !failed, !calls.isEmpty else { return .finished }
        let names = calls.compactMap(\.name)
        guard step < maxSteps else {
            return .stepLimit("stopped after \(maxSteps) tool step\(maxSteps == 1 ? "" : "s") (max_tool_steps): the model still called \(names.joined(separator: ", "))")
        }
        let stepNumber = step + 1
        let planned = calls.enumerated().map { offset, call in
            plan(call, index: callCount + offset, fallbackID: "call_\(stepNumber)_\(offset + 1)")
        }
        pending = (text, planned)
        return .answer(planned)
    }

    /// Records the answers to the pending calls (same order) and returns the next request: the
    /// assistant turn with its calls, then one tool turn per result.
    public mutating func nextRequest(answering results: [ToolResult]) -> ModelRequest {
        guard let (text, calls) = pending else { return request }
        var assistant = ChatMessage(role: .assistant, content: text)
        assistant.toolCalls = calls.map(\.call)
        request.messages.append(assistant)
        for (call, result) in zip(calls, results) {
            var turn = ChatMessage(role: .tool, content: result.content)
            turn.toolCallID = call.call.id
            turn.toolName = call.call.name
            request.messages.append(turn)
        }
        step += 1
        callCount += calls.count
        pending = nil
        return request
    }

    /// The step number (1-based) of the calls being answered.
    public var currentStep: Int { step + 1 }

    private func plan(_ raw: RunAccumulator.ToolCall, index: Int, fallbackID: String) -> PendingCall {
        let name = raw.name ?? ""
        let id = (raw.id?.isEmpty == false ? raw.id : nil) ?? fallbackID
        var call = ToolCall(id: id, name: name, arguments: raw.arguments)
        call.signature = raw.signature
        let text = raw.arguments.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let tool = tools.first(where: { $0.name == name }) else {
            let known = tools.map(\.name).joined(separator: ", ")
            return PendingCall(call: call, index: index, tool: nil, arguments: .object([]),
                               rejection: "error: there is no tool named \"\(name)\"; the tools are: \(known.isEmpty ? "(none)" : known)")
        }
        let arguments: JSON
        do {
            arguments = text.isEmpty ? .object([]) : try JSONParser.parse(text)
        } catch {
            return PendingCall(call: call, index: index, tool: nil, arguments: .object([]),
                               rejection: "error: the arguments of \(name) are not JSON (\(error.description)); call it again with a JSON object")
        }
        if let schema = try? JSONSchema(tool.parameters), let violation = schema.firstViolation(of: arguments) {
            return PendingCall(call: call, index: index, tool: nil, arguments: arguments,
                               rejection: "error: the arguments of \(name) do not match its parameters: \(violation)")
        }
        return PendingCall(call: call, index: index, tool: tool, arguments: arguments, rejection: nil)
    }
}
