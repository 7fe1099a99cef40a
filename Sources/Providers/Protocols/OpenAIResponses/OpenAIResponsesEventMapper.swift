import Foundation

/// Maps OpenAI Responses stream events to neutral parts.
///
/// Output-text and refusal deltas are text, reasoning summary/text deltas reasoning, function-call
/// arguments tool-call deltas keyed by `output_index` (name and call id from `output_item.added`).
/// `response.completed` and `response.incomplete` end the stream with usage and a finish reason;
/// `error` (flat or nested) and `response.failed` fail it.
public struct OpenAIResponsesEventMapper: EventMapper {
    /// How messages name the provider (see `WireProtocol` implementations).
    let providerName: String

    public private(set) var isComplete = false
    private var sawText = false
    private var sawRefusal = false
    private var sawFunctionCall = false
    private var emittedContent = false
    private var lastSummaryIndex: Int?
    private var failures = EventDecodeFailures()

    public init(providerName: String = "OpenAI") { self.providerName = providerName }

    public mutating func map(_ message: FramedMessage) -> [StreamPart] {
        guard !isComplete else { return [] }
        if message.isStray { return mapStray(message.data) }
        guard let event = WireJSON.decode(OpenAIResponsesEvent.self, from: message.data) else {
            if message.event == "error" { return fail(WireErrorPayload(message: message.data)) }
            return failures.note(message.data, provider: providerName).map { [$0] } ?? []
        }
        switch event.type ?? message.event ?? "" {
        case "response.output_text.delta":
            sawText = true
            let tokens = event.logprobs?.neutral ?? []
            return text(event.delta) + (tokens.isEmpty ? [] : [.logprobs(tokens)])
        case "response.refusal.delta":
            sawRefusal = true
            return text(event.delta)
        case "response.reasoning_summary_text.delta", "response.reasoning_text.delta":
            return reasoning(event)
        case "response.output_item.added":
            guard let item = event.item, item.type == "function_call" else { return [] }
            sawFunctionCall = true
            emittedContent = true
            let index = event.outputIndex ?? 0
            return [.toolCallDelta(ToolCallDelta(index: index, id: item.callID, name: item.name, argumentsDelta: item.arguments ?? ""))]
        case "response.function_call_arguments.delta":
            guard let delta = event.delta, !delta.isEmpty else { return [] }
            sawFunctionCall = true
            emittedContent = true
            return [.toolCallDelta(ToolCallDelta(index: event.outputIndex ?? 0, argumentsDelta: delta))]
        case "response.completed":
            return end(event, finish: completedFinish())
        case "response.incomplete":
            return end(event, finish: incompleteFinish(event.response?.incompleteReason))
        case "response.failed":
            var parts = usage(event)
            parts += fail(event.response?.error ?? WireErrorPayload(message: "the response failed"))
            return parts
        case "error":
            return fail(event.errorPayload)
        default:
            return []
        }
    }

    public mutating func finish() -> [StreamPart] {
        guard !isComplete else { return [] }
        isComplete = true
        return [.error(.streamCut(before: "response.completed"))]
    }

    private func completedFinish() -> FinishReason {
        if sawFunctionCall { return FinishReason(.toolCalls, raw: "completed") }
        if sawRefusal, !sawText { return FinishReason(.refusal, raw: "completed") }
        return FinishReason(.stop, raw: "completed")
    }

    private func incompleteFinish(_ reason: String?) -> FinishReason {
        switch reason {
        case "content_filter": FinishReason(.contentFilter, raw: reason)
        case "max_output_tokens", nil: FinishReason(.length, raw: reason ?? "incomplete")
        default: FinishReason(.other, raw: reason)
        }
    }

    private mutating func end(_ event: OpenAIResponsesEvent, finish: FinishReason) -> [StreamPart] {
        isComplete = true
        return usage(event) + [.finish(finish)]
    }

    private func usage(_ event: OpenAIResponsesEvent) -> [StreamPart] {
        guard let usage = event.response?.usage else { return [] }
        return [.usage(usage.neutral)]
    }

    private mutating func text(_ delta: String?) -> [StreamPart] {
        guard let delta, !delta.isEmpty else { return [] }
        emittedContent = true
        return [.textDelta(delta)]
    }

    private mutating func reasoning(_ event: OpenAIResponsesEvent) -> [StreamPart] {
        guard let delta = event.delta, !delta.isEmpty else { return [] }
        var parts: [StreamPart] = []
        // Summary parts arrive one after another without a separator; keep them apart.
        if let index = event.summaryIndex {
            if let last = lastSummaryIndex, last != index { parts.append(.reasoningDelta("\n\n")) }
            lastSummaryIndex = index
        }
        emittedContent = true
        parts.append(.reasoningDelta(delta))
        return parts
    }

    private mutating func mapStray(_ data: String) -> [StreamPart] {
        switch StrayMessage.meaning(of: data) {
        case .error(let payload): return fail(payload)
        case .ignored(let warning): return [.warning(warning)]
        }
    }

    private mutating func fail(_ payload: WireErrorPayload) -> [StreamPart] {
        isComplete = true
        return [.error(.midStream(provider: providerName, payload: payload, partialKept: emittedContent))]
    }
}
