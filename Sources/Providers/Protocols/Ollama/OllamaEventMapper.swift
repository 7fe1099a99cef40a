import Foundation

/// Maps Ollama's native NDJSON stream (`/api/chat`, `/api/generate`) to neutral parts.
///
/// `message.content` / `response` are text, `message.thinking` / `thinking` reasoning; tool calls come
/// whole, one delta each with the arguments as JSON text. The `"done": true` line ends the stream with
/// usage (`prompt_eval_count`, `eval_count`, both optional) and the finish reason. An `{"error":…}`
/// line fails it.
public struct OllamaEventMapper: EventMapper {
    /// How messages name the provider (see `WireProtocol` implementations).
    let providerName: String

    public private(set) var isComplete = false
    private var nextToolIndex = 0
    private var emittedContent = false
    private var failures = EventDecodeFailures()

    public init(providerName: String = "Ollama") { self.providerName = providerName }

    public mutating func map(_ message: FramedMessage) -> [StreamPart] {
        guard !isComplete else { return [] }
        if message.isStray {
            switch StrayMessage.meaning(of: message.data) {
            case .error(let payload): return fail(payload)
            case .ignored(let warning): return [.warning(warning)]
            }
        }
        guard let line = WireJSON.decode(OllamaStreamLine.self, from: message.data) else {
            return failures.note(message.data, provider: providerName).map { [$0] } ?? []
        }
        if let error = line.error { return fail(error) }

        var parts: [StreamPart] = []
        if let thinking = nonEmpty(line.message?.thinking) ?? nonEmpty(line.thinking) {
            emittedContent = true
            parts.append(.reasoningDelta(thinking))
        }
        if let text = nonEmpty(line.message?.content) ?? nonEmpty(line.response) {
            emittedContent = true
            parts.append(.textDelta(text))
        }
        if let tokens = line.logprobs?.neutral, !tokens.isEmpty { parts.append(.logprobs(tokens)) }
        for call in line.message?.toolCalls ?? [] {
            emittedContent = true
            parts.append(.toolCallDelta(ToolCallDelta(index: nextToolIndex, id: call.id, name: call.name, argumentsDelta: call.arguments ?? "{}")))
            nextToolIndex += 1
        }
        if line.done == true {
            isComplete = true
            // Every metric is omitempty: report only what came.
            let usage = Usage(input: line.promptEvalCount, output: line.evalCount)
            if !usage.isEmpty { parts.append(.usage(usage)) }
            parts.append(.finish(OllamaFinishReason.map(line.doneReason, calledTools: nextToolIndex > 0)))
        }
        return parts
    }

    public mutating func finish() -> [StreamPart] {
        guard !isComplete else { return [] }
        isComplete = true
        return [.error(.streamCut(before: "the \"done\": true line"))]
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private mutating func fail(_ payload: WireErrorPayload) -> [StreamPart] {
        isComplete = true
        return [.error(.midStream(provider: providerName, payload: payload, partialKept: emittedContent))]
    }
}
