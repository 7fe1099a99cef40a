import Foundation
import Providers

/// Decodes the small, frequent event lines (usage, cost, finished, failed, warning, renamed, run_started)
/// straight from their bytes: the one fast decoding of an event, used by the reader and the index. Nil whenever a line is not exactly what `Codable` would accept without
/// doubt (an unexpected type, an unknown parameter); the caller then uses `Codable`, which has the
/// last word and the error messages. Tests check both paths agree on every event.
enum FastEventDecoder {
    static func decode(_ kind: SessionEvent.Kind, _ line: UnsafeRawBufferPointer) -> SessionEvent? {
        guard let o = JSONObjectView(line) else { return nil }
        switch kind {
        case .usage:
            guard let run = o.int("run"), let u = o.object("usage"), let usage = usage(u) else { return nil }
            return .usage(UsageEvent(run: run, usage: usage))
        case .cost:
            guard let run = o.int("run"), let usd = o.double("usd"), let p = o.object("price"), let price = price(p) else { return nil }
            return .cost(CostEvent(run: run, usd: usd, price: price))
        case .finished:
            guard let run = o.int("run"), let finish = o.string("finish"), let raw = optional(o, "raw_finish", o.string),
                  let ttft = optional(o, "ttft_ms", o.int), let total = optional(o, "total_ms", o.int), o.isAbsent("schema") else { return nil }
            return .finished(RunFinished(run: run, finish: FinishReason.Kind(rawValue: finish) ?? .other, rawFinish: raw, ttftMs: ttft, totalMs: total ?? 0))
        case .failed:
            guard let run = o.int("run"), let e = o.object("error"), let kind = e.string("kind"), let message = optional(e, "message", e.string),
                  let ttft = optional(o, "ttft_ms", o.int), let total = optional(o, "total_ms", o.int) else { return nil }
            let failure = RunFailed.Failure(kind: ProviderError.Kind(rawValue: kind) ?? .other, message: message ?? "")
            return .failed(RunFailed(run: run, error: failure, ttftMs: ttft, totalMs: total ?? 0))
        case .warning:
            guard let run = optional(o, "run", o.int), let message = o.string("message") else { return nil }
            return .warning(SessionWarning(run: run, message: message))
        case .renamed:
            guard let title = o.string("title"), let atText = optional(o, "at", o.string) else { return nil }
            var at: Date?
            if let atText {
                guard let parsed = SessionTimestamp.parse(atText) else { return nil }
                at = parsed
            }
            return .renamed(Renamed(title: title, at: at))
        case .runStarted:
            return runStarted(o).map { .runStarted($0) }
        default:
            return nil
        }
    }

    /// `.some(nil)` when the key is absent or null, `.some(value)` when it holds the right type, nil otherwise.
    private static func optional<T>(_ o: JSONObjectView, _ key: String, _ get: (String) -> T?) -> T?? {
        if o.isAbsent(key) { return .some(nil) }
        guard let value = get(key) else { return nil }
        return .some(value)
    }

    private static func usage(_ u: JSONObjectView) -> Usage? {
        guard let input = optional(u, "input", u.int), let output = optional(u, "output", u.int),
              let cacheRead = optional(u, "cache_read", u.int), let cacheWrite = optional(u, "cache_write", u.int),
              let reasoning = optional(u, "reasoning", u.int) else { return nil }
        return Usage(input: input, output: output, cacheRead: cacheRead, cacheWrite: cacheWrite, reasoning: reasoning)
    }

    private static func price(_ p: JSONObjectView) -> PriceRecord? {
        guard let input = optional(p, "input", p.double), let output = optional(p, "output", p.double),
              let cacheRead = optional(p, "cache_read", p.double), let cacheWrite = optional(p, "cache_write", p.double),
              let source = optional(p, "source", p.string), let checked = optional(p, "checked", p.string) else { return nil }
        return PriceRecord(input: input, output: output, cacheRead: cacheRead, cacheWrite: cacheWrite, source: source ?? "", checked: checked)
    }

    private static let promptKeys: Set<String> = ["system", "instruction", "input", "variables"]
    private static let parameterKeys: Set<String> = ["temperature", "top_p", "max_tokens", "stop", "seed"]

    /// The fields of a `run_started` line other than its prompt and parameters.
    struct RunHeader {
        var run: Int
        var group: Int?
        var at: Date
        var model: ModelRef
        var protocolName: String?
        var mode: RequestMode
        var label: String?
        var variant: String?
    }

    /// A `run_started` line's header fields; nil when any of them is not what `Codable` would accept.
    /// The index reads only these and the start of the prompt (a preview needs 100 characters, not the essay).
    static func runHeader(_ o: JSONObjectView) -> RunHeader? {
        guard let run = o.int("run"), let group = optional(o, "group", o.int),
              let atText = o.string("at"), let at = SessionTimestamp.parse(atText),
              let modelText = o.string("model"), let model = ModelRef(modelText),
              let protocolName = optional(o, "protocol", o.string), let modeText = optional(o, "mode", o.string),
              let label = optional(o, "label", o.string), let variant = optional(o, "variant", o.string) else { return nil }
        return RunHeader(
            run: run, group: group, at: at, model: model, protocolName: protocolName,
            mode: modeText.flatMap { RequestMode(rawValue: $0) } ?? .chat, label: label, variant: variant
        )
    }

    private static func runStarted(_ o: JSONObjectView) -> RunStarted? {
        // A branch's start is rare: Codable reads it whole.
        guard o.isAbsent("branch"), o.isAbsent("tools"), o.isAbsent("tool_choice"), let header = runHeader(o) else { return nil }
        var prompt = PromptSnapshot()
        if !o.isAbsent("prompt") {
            // Examples, a raw format or a field this decoder does not know: let Codable read the prompt.
            guard let p = o.object("prompt"), Set(p.keys).isSubset(of: promptKeys), let system = optional(p, "system", p.string), let instruction = optional(p, "instruction", p.string),
                  let input = optional(p, "input", p.string) else { return nil }
            prompt = PromptSnapshot(system: system ?? "", instruction: instruction ?? "", input: input ?? "")
            if !p.isAbsent("variables") {
                guard let v = p.object("variables") else { return nil }
                let members = v.stringMembers
                guard members.count == v.count else { return nil }
                prompt.variables = Dictionary(members, uniquingKeysWith: { _, last in last })
            }
        }
        var params = GenerationParameters()
        if !o.isAbsent("params") {
            // A parameter this decoder does not know may be one GenerationParameters gained: let Codable read it.
            guard let p = o.object("params"), Set(p.keys).isSubset(of: parameterKeys),
                  let temperature = optional(p, "temperature", p.double), let topP = optional(p, "top_p", p.double),
                  let maxTokens = optional(p, "max_tokens", p.int), let stop = optional(p, "stop", p.strings),
                  let seed = optional(p, "seed", p.int) else { return nil }
            params = GenerationParameters(temperature: temperature, topP: topP, maxTokens: maxTokens, stop: stop ?? [], seed: seed)
        }
        return RunStarted(
            run: header.run, group: header.group, at: header.at, prompt: prompt, model: header.model, protocolName: header.protocolName,
            params: params, mode: header.mode, label: header.label, variant: header.variant
        )
    }
}
