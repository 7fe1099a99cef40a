import Foundation
import Providers

/// What the index takes from one line: the few facts a session or run summary shows.
enum SummaryLine: Equatable {
    case runStarted(RunSummary)
    case usage(run: Int, Usage)
    case cost(run: Int, usd: Double)
    case ended(run: Int, status: RunSummary.Status, ttftMs: Int?, totalMs: Int)
    case renamed(String)

    /// The facts of a decoded event (the slow, complete path).
    init?(_ event: SessionEvent, range: Range<Int>) {
        switch event {
        case .runStarted(let s):
            self = .runStarted(RunSummary(
                run: s.run, group: s.group, at: s.at, model: s.model, mode: s.mode, label: s.label, variant: s.variant,
                preview: Self.preview(instruction: s.prompt.instruction, input: s.prompt.input, system: s.prompt.system), byteRange: range
            ))
        case .usage(let u): self = .usage(run: u.run, u.usage)
        case .cost(let c): self = .cost(run: c.run, usd: c.usd)
        case .finished(let f): self = .ended(run: f.run, status: .finished(f.finish), ttftMs: f.ttftMs, totalMs: f.totalMs)
        case .failed(let f): self = .ended(run: f.run, status: .failed(f.error.kind, message: f.error.message), ttftMs: f.ttftMs, totalMs: f.totalMs)
        case .renamed(let r): self = .renamed(r.title)
        default: return nil
        }
    }

    /// The facts read straight from the bytes (the fast path). Nil whenever anything is unexpected,
    /// so the caller falls back to the complete decoder, which also explains what is wrong.
    init?(fast kind: SessionEvent.Kind, _ line: UnsafeRawBufferPointer, range: Range<Int>) {
        guard let o = JSONObjectView(line) else { return nil }
        switch kind {
        case .runStarted:
            guard let run = o.int("run"), let atText = o.string("at"), let at = SessionTimestamp.parse(atText),
                  let modelText = o.string("model"), let model = ModelRef(modelText),
                  o.isAbsent("group") || o.int("group") != nil else { return nil }
            let mode: RequestMode
            if o.isAbsent("mode") {
                mode = .chat
            } else {
                guard let text = o.string("mode") else { return nil }
                mode = RequestMode(rawValue: text) ?? .chat
            }
            guard o.isAbsent("label") || o.string("label") != nil, o.isAbsent("variant") || o.string("variant") != nil else { return nil }
            let prompt = o.object("prompt")
            guard o.isAbsent("prompt") || prompt != nil else { return nil }
            // Only the start of the prompt is decoded: the preview needs 100 characters, not the essay.
            let preview = Self.preview(
                instruction: prompt?.stringPrefix("instruction", maxBytes: 400) ?? "",
                input: prompt?.stringPrefix("input", maxBytes: 400) ?? "",
                system: prompt?.stringPrefix("system", maxBytes: 400) ?? ""
            )
            self = .runStarted(RunSummary(
                run: run, group: o.int("group"), at: at, model: model, mode: mode, label: o.string("label"), variant: o.string("variant"),
                preview: preview, byteRange: range
            ))
        case .usage:
            guard let run = o.int("run"), let u = o.object("usage") else { return nil }
            var figures: [Int?] = []
            for key in ["input", "output", "cache_read", "cache_write", "reasoning"] {
                if u.isAbsent(key) {
                    figures.append(nil)
                } else {
                    guard let v = u.int(key) else { return nil }
                    figures.append(v)
                }
            }
            self = .usage(run: run, Usage(input: figures[0], output: figures[1], cacheRead: figures[2], cacheWrite: figures[3], reasoning: figures[4]))
        case .cost:
            guard let run = o.int("run"), let usd = o.double("usd") else { return nil }
            self = .cost(run: run, usd: usd)
        case .finished:
            guard let run = o.int("run"), let finish = o.string("finish"), let times = Self.times(o) else { return nil }
            self = .ended(run: run, status: .finished(FinishReason.Kind(rawValue: finish) ?? .other), ttftMs: times.ttft, totalMs: times.total)
        case .failed:
            guard let run = o.int("run"), let error = o.object("error"), let kind = error.string("kind"), let times = Self.times(o) else { return nil }
            let status = RunSummary.Status.failed(ProviderError.Kind(rawValue: kind) ?? .other, message: error.string("message") ?? "")
            self = .ended(run: run, status: status, ttftMs: times.ttft, totalMs: times.total)
        case .renamed:
            guard let title = o.string("title") else { return nil }
            self = .renamed(title)
        default:
            return nil
        }
    }

    private static func times(_ o: JSONObjectView) -> (ttft: Int?, total: Int)? {
        guard o.isAbsent("ttft_ms") || o.int("ttft_ms") != nil else { return nil }
        let total: Int
        if o.isAbsent("total_ms") {
            total = 0
        } else {
            guard let t = o.int("total_ms") else { return nil }
            total = t
        }
        return (o.int("ttft_ms"), total)
    }

    /// The first ~100 characters of the instruction (or input, or system prompt), on one line.
    static func preview(instruction: String, input: String, system: String) -> String {
        let source = !instruction.isEmpty ? instruction : (!input.isEmpty ? input : system)
        var out: [UInt8] = []
        out.reserveCapacity(128)
        var count = 0
        var pendingSpace = false
        for scalar in source.unicodeScalars {
            let isSpace = scalar.value < 0x80
                ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
                : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = count > 0
                continue
            }
            if count >= 100 {
                out.append(contentsOf: "…".utf8)
                break
            }
            if pendingSpace {
                out.append(UInt8(ascii: " "))
                count += 1
                pendingSpace = false
            }
            if scalar.value < 0x80 {
                out.append(UInt8(scalar.value))
            } else {
                out.append(contentsOf: String(Character(scalar)).utf8)
            }
            count += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
