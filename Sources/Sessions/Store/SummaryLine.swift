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
                preview: Self.preview(instruction: s.prompt.instruction, input: s.prompt.input, system: s.prompt.system),
                branchOf: s.branch?.of, byteRange: range
            ))
        case .usage(let u): self = .usage(run: u.run, u.usage)
        case .cost(let c): self = .cost(run: c.run, usd: c.usd)
        case .finished(let f): self = .ended(run: f.run, status: .finished(f.finish), ttftMs: f.ttftMs, totalMs: f.totalMs)
        case .failed(let f): self = .ended(run: f.run, status: .failed(f.error.kind, message: f.error.message), ttftMs: f.ttftMs, totalMs: f.totalMs)
        case .renamed(let r): self = .renamed(r.title)
        default: return nil
        }
    }

    /// The facts read straight from the bytes (the fast path): `FastEventDecoder`'s decoding, except that a
    /// `run_started` line's prompt is read only as far as the preview needs. Nil whenever anything is
    /// unexpected, so the caller falls back to the complete decoder, which also explains what is wrong.
    init?(fast kind: SessionEvent.Kind, _ line: UnsafeRawBufferPointer, range: Range<Int>) {
        guard kind == .runStarted else {
            guard let event = FastEventDecoder.decode(kind, line) else { return nil }
            self.init(event, range: range)
            return
        }
        guard let o = JSONObjectView(line), let h = FastEventDecoder.runHeader(o) else { return nil }
        let prompt = o.object("prompt")
        guard o.isAbsent("prompt") || prompt != nil else { return nil }
        let branch = o.object("branch")
        guard o.isAbsent("branch") || branch?.int("of") != nil else { return nil }
        let preview = Self.preview(
            instruction: prompt?.stringPrefix("instruction", maxBytes: 400) ?? "",
            input: prompt?.stringPrefix("input", maxBytes: 400) ?? "",
            system: prompt?.stringPrefix("system", maxBytes: 400) ?? ""
        )
        self = .runStarted(RunSummary(
            run: h.run, group: h.group, at: h.at, model: h.model, mode: h.mode, label: h.label, variant: h.variant,
            preview: preview, branchOf: branch?.int("of"), byteRange: range
        ))
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
