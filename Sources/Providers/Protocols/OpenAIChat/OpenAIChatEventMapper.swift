import Foundation

/// Maps OpenAI Chat Completions chunks (and every compatible server's) to neutral parts.
///
/// Only choice 0 is shown (n > 1 gives one warning). `delta.content` and `delta.refusal` are text,
/// `delta.reasoning` / `delta.reasoning_content` reasoning, `tool_calls` merge by their `index`. `[DONE]`
/// is the terminator. An `error` member in any chunk, or a named `event: error` (Groq), fails the stream.
public struct OpenAIChatEventMapper: EventMapper {
    /// How messages name the provider (see `WireProtocol` implementations).
    let providerName: String

    public private(set) var isComplete = false
    private var sawContent = false
    private var sawRefusal = false
    private var emittedContent = false
    private var warnedAboutChoices = false
    private var failures = EventDecodeFailures()

    public init(providerName: String = "the server") { self.providerName = providerName }

    public mutating func map(_ message: FramedMessage) -> [StreamPart] {
        guard !isComplete else { return [] }
        if message.isStray { return mapStray(message.data) }
        if Self.isDone(message.data) {
            isComplete = true
            return []
        }
        if message.event == "error" {
            let envelope = WireJSON.decode(WireErrorEnvelope.self, from: message.data)
            return fail(envelope?.error ?? WireErrorPayload(message: message.data))
        }
        guard let chunk = OpenAIChatChunkFastPath.decode(message.data) ?? WireJSON.decode(OpenAIChatChunk.self, from: message.data) else {
            return failures.note(message.data, provider: providerName).map { [$0] } ?? []
        }
        var parts: [StreamPart] = []
        for choice in chunk.choices ?? [] {
            guard (choice.index ?? 0) == 0 else {
                if !warnedAboutChoices {
                    warnedAboutChoices = true
                    parts.append(.warning("the server returned several choices (n > 1); only the first is shown"))
                }
                continue
            }
            map(choice, into: &parts)
        }
        if let usage = chunk.usage { parts.append(.usage(usage.neutral)) }
        // OpenRouter puts a top-level error in an ordinary chunk; vLLM sends `data: {"error":…}`.
        if let error = chunk.error { parts += fail(error) }
        return parts
    }

    public mutating func finish() -> [StreamPart] {
        guard !isComplete else { return [] }
        isComplete = true
        return [.error(.streamCut(before: "[DONE]"))]
    }

    private mutating func map(_ choice: OpenAIChatChunk.Choice, into parts: inout [StreamPart]) {
        if let delta = choice.delta {
            // vLLM mirrors `reasoning` into the deprecated `reasoning_content`: take one of them.
            if let reasoning = nonEmpty(delta.reasoning) ?? nonEmpty(delta.reasoningContent) {
                emittedContent = true
                parts.append(.reasoningDelta(reasoning))
            }
            if let content = nonEmpty(delta.content) {
                sawContent = true
                emittedContent = true
                parts.append(.textDelta(content))
            }
            if let refusal = nonEmpty(delta.refusal) {
                sawRefusal = true
                emittedContent = true
                parts.append(.textDelta(refusal))
            }
            for call in delta.toolCalls ?? [] where call.id != nil || call.name != nil || !(call.arguments ?? "").isEmpty {
                emittedContent = true
                parts.append(.toolCallDelta(ToolCallDelta(index: call.index ?? 0, id: call.id, name: call.name, argumentsDelta: call.arguments ?? "")))
            }
        }
        if let text = nonEmpty(choice.text) {
            sawContent = true
            emittedContent = true
            parts.append(.textDelta(text))
        }
        // After the text they describe, so a consumer always has the text the tokens belong to.
        if let tokens = choice.logprobs?.neutral, !tokens.isEmpty { parts.append(.logprobs(tokens)) }
        if let raw = choice.finishReason {
            parts.append(.finish(OpenAIChatFinishReason.map(raw, onlyRefusal: sawRefusal && !sawContent)))
        }
    }

    /// `[DONE]`, allowing spaces and tabs around it. Compared on the UTF-8 bytes: `trimmingCharacters`
    /// ran on every chunk and built a new string each time, a measurable share of decoding.
    static func isDone(_ data: String) -> Bool {
        var bytes = data.utf8[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        guard bytes.first == UInt8(ascii: "[") else { return false }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        return bytes.elementsEqual("[DONE]".utf8)
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
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
