import Foundation

/// Maps Gemini `streamGenerateContent` chunks (SSE events or JSON-array elements) to neutral parts.
///
/// Text parts are text (`thought: true` ones reasoning); function calls arrive whole and become one
/// tool-call delta with their args as JSON text. Usage is cumulative, so each chunk's replaces the last.
/// Gemini has no terminator: the body ends at EOF, and a stream without a `finishReason` was cut. The
/// finish reason is not the end either: Google's servers can append an `{"error":…}` object (a chunk, or
/// bare pretty-printed JSON outside any SSE field) after the last chunk, and the official SDK raises on it,
/// so reading goes on to EOF and such an error fails the run, keeping the partial answer.
public struct GeminiEventMapper: EventMapper {
    /// How messages name the provider (see `WireProtocol` implementations).
    let providerName: String

    private var sawFinish = false
    private var failed = false
    private var calledFunctions = false
    private var nextToolIndex = 0
    private var emittedContent = false
    private var warnedAboutCandidates = false
    private var failures = EventDecodeFailures()

    public init(providerName: String = "Gemini") { self.providerName = providerName }

    /// Only an error ends the stream early: after a finish reason, usage may still change and an error may follow.
    public var isComplete: Bool { failed }

    public mutating func map(_ message: FramedMessage) -> [StreamPart] {
        guard !failed else { return [] }
        if message.isStray {
            switch StrayMessage.meaning(of: message.data) {
            case .error(let payload): return fail(payload)
            case .ignored(let warning): return [.warning(warning)]
            }
        }
        guard let chunk = WireJSON.decode(GeminiChunk.self, from: message.data) else {
            return failures.note(message.data, provider: providerName).map { [$0] } ?? []
        }
        if let error = chunk.error { return fail(error) }

        var parts: [StreamPart] = []
        var finishRaw: String?
        for candidate in chunk.candidates ?? [] {
            guard (candidate.index ?? 0) == 0 else {
                if !warnedAboutCandidates {
                    warnedAboutCandidates = true
                    parts.append(.warning("Gemini returned several candidates; only the first is shown"))
                }
                continue
            }
            for part in candidate.parts { map(part, into: &parts) }
            if let tokens = candidate.logprobsResult?.neutral, !tokens.isEmpty { parts.append(.logprobs(tokens)) }
            if let raw = candidate.finishReason { finishRaw = raw }
        }
        if let usage = chunk.usageMetadata { parts.append(.usage(usage.neutral)) }
        if let raw = finishRaw {
            sawFinish = true
            parts.append(.finish(GeminiFinishReason.map(raw, calledFunctions: calledFunctions)))
        } else if let blocked = chunk.blockReason, chunk.candidates?.isEmpty ?? true {
            // A prompt blocked by safety: HTTP 200, no candidates, a block reason.
            sawFinish = true
            parts.append(.finish(FinishReason(.contentFilter, raw: blocked)))
        }
        return parts
    }

    public mutating func finish() -> [StreamPart] {
        guard !sawFinish, !failed else { return [] }
        failed = true
        return [.error(.streamCut(before: "a finishReason"))]
    }

    private mutating func map(_ part: GeminiChunk.Part, into parts: inout [StreamPart]) {
        if let text = part.text, !text.isEmpty {
            emittedContent = true
            parts.append(part.thought == true ? .reasoningDelta(text) : .textDelta(text))
        }
        if let call = part.functionCall {
            calledFunctions = true
            emittedContent = true
            let arguments = call.args?.jsonText ?? "{}"
            var delta = ToolCallDelta(index: nextToolIndex, id: call.id, name: call.name, argumentsDelta: arguments)
            delta.signature = part.thoughtSignature
            parts.append(.toolCallDelta(delta))
            nextToolIndex += 1
        }
    }

    private mutating func fail(_ payload: WireErrorPayload) -> [StreamPart] {
        failed = true
        return [.error(.midStream(provider: providerName, payload: payload, partialKept: emittedContent))]
    }
}
