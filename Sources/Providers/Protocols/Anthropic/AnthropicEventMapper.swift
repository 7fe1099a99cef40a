import Foundation

/// Maps Anthropic Messages SSE events to neutral parts.
///
/// Text and thinking deltas become text and reasoning; `tool_use` blocks become tool-call deltas keyed
/// by block index. Usage starts from `message_start` and each `message_delta` overwrites the fields it
/// carries. `message_stop` is the terminator; `event: error` fails the stream. Signatures, citations,
/// redacted thinking, server tools and unknown blocks are ignored.
public struct AnthropicEventMapper: EventMapper {
    /// How messages name the provider (see `WireProtocol` implementations).
    let providerName: String

    public private(set) var isComplete = false
    private var toolBlocks: Set<Int> = []
    private var emittedContent = false
    private var failures = EventDecodeFailures()

    public init(providerName: String = "Anthropic") { self.providerName = providerName }

    public mutating func map(_ message: FramedMessage) -> [StreamPart] {
        guard !isComplete else { return [] }
        if message.isStray { return mapStray(message.data) }
        let event = WireJSON.decode(AnthropicStreamEvent.self, from: message.data)
        if message.event == "error" || event?.type == "error" {
            // The payload may not even be JSON: its text is then the message.
            return fail(event?.error ?? WireErrorPayload(message: message.data))
        }
        guard let event else {
            return failures.note(message.data, provider: providerName).map { [$0] } ?? []
        }
        switch event.type ?? message.event ?? "" {
        case "message_start":
            guard let usage = event.message?.usage else { return [] }
            return [.usage(usage.neutral)]
        case "content_block_start":
            return blockStart(event)
        case "content_block_delta":
            return blockDelta(event)
        case "message_delta":
            var parts: [StreamPart] = []
            if let usage = event.usage { parts.append(.usage(usage.neutral)) }
            if let raw = event.delta?.stopReason { parts.append(.finish(AnthropicFinishReason.map(raw))) }
            return parts
        case "message_stop":
            isComplete = true
            return []
        default:
            // ping, content_block_stop and event types added after this was written.
            return []
        }
    }

    public mutating func finish() -> [StreamPart] {
        guard !isComplete else { return [] }
        isComplete = true
        return [.error(.streamCut(before: "message_stop"))]
    }

    private mutating func blockStart(_ event: AnthropicStreamEvent) -> [StreamPart] {
        guard let block = event.contentBlock, let index = event.index else { return [] }
        switch block.type {
        case "text":
            return text(block.text ?? "")
        case "thinking":
            return reasoning(block.thinking ?? "")
        case "tool_use":
            toolBlocks.insert(index)
            emittedContent = true
            return [.toolCallDelta(ToolCallDelta(index: index, id: block.id, name: block.name))]
        default:
            return []
        }
    }

    private mutating func blockDelta(_ event: AnthropicStreamEvent) -> [StreamPart] {
        guard let delta = event.delta else { return [] }
        switch delta.type {
        case "text_delta":
            return text(delta.text ?? "")
        case "thinking_delta":
            return reasoning(delta.thinking ?? "")
        case "input_json_delta":
            // Server tools (web search) stream their input too; only the client's own tool calls matter here.
            guard let index = event.index, toolBlocks.contains(index), let fragment = delta.partialJSON, !fragment.isEmpty else { return [] }
            return [.toolCallDelta(ToolCallDelta(index: index, argumentsDelta: fragment))]
        default:
            return []
        }
    }

    private mutating func text(_ text: String) -> [StreamPart] {
        guard !text.isEmpty else { return [] }
        emittedContent = true
        return [.textDelta(text)]
    }

    private mutating func reasoning(_ text: String) -> [StreamPart] {
        guard !text.isEmpty else { return [] }
        emittedContent = true
        return [.reasoningDelta(text)]
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
