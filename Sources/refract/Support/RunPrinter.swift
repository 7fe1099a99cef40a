import Foundation
import Providers
import TerminalUI
import Workbench

/// What the printer needs to know about a run: its model, its section title, and the fields its
/// `--json` lines start with.
struct PrintedRun: Sendable {
    let ref: ModelRef
    /// The title of its section (shown when there are several runs).
    let title: String
    /// `"key":value,` pairs put first in each JSON line ("" for none).
    let jsonFields: String
    /// The schema the answer is checked against, when the prompt has one.
    var schema: JSON?

    /// A run of `refract run`: its model (and instruction number) name it; JSON lines carry the model
    /// when there are several, and the instruction number when there are several instructions.
    static func live(_ job: RunJob, models: Int) -> PrintedRun {
        var title = job.ref.description
        var fields = models > 1 ? "\"model\":\(JSONText.quoted(job.ref.description))," : ""
        if let n = job.instruction {
            title += " · " + (job.variantName ?? "instruction \(n)")
            fields = "\"instruction\":\(n)," + (job.variantName.map { "\"variant\":\(JSONText.quoted($0))," } ?? "") + fields
        }
        return PrintedRun(ref: job.ref, title: title, jsonFields: fields, schema: job.prompt.schema?.schema)
    }
}

/// Prints runs in order: the first streams live; the others are held and printed, each as a
/// labelled section, as soon as everything before them is out. `refract run` and `refract replay` share it.
actor RunPrinter {
    private let jobs: [PrintedRun]
    private let json: Bool
    private var current = 0
    private var held: [Int: [StreamPart]] = [:]
    private var done: [Int: (RunMeter, Bool)] = [:]
    private var text = TerminalTextWriter()
    private var reasoning = StreamSanitizer()
    private var endedWithNewline = true
    private var sectionOpen = false
    /// The tool calls being assembled, by index: printed whole with their result.
    private var calls: [Int: (name: String, arguments: String)] = [:]

    init(jobs: [PrintedRun], json: Bool) {
        self.jobs = jobs
        self.json = json
    }

    func part(_ part: StreamPart, job: Int) {
        if job == current { emit(part, job: job) } else { held[job, default: []].append(part) }
    }

    func finished(job: Int, meter: RunMeter, cancelled: Bool) {
        done[job] = (meter, cancelled)
        while current < jobs.count, let (meter, cancelled) = done[current] {
            catchUp(current)
            closeSection(current, meter: meter, cancelled: cancelled)
            current += 1
        }
        // The next run streams live from now on: what it sent while held goes out first.
        if current < jobs.count, held[current] != nil { catchUp(current) }
    }

    /// Opens a run's section and prints the parts held for it.
    private func catchUp(_ job: Int) {
        if !sectionOpen { openSection(job) }
        for part in held.removeValue(forKey: job) ?? [] { emit(part, job: job) }
    }

    private func openSection(_ job: Int) {
        sectionOpen = true
        guard jobs.count > 1, !json else { return }
        // Titles can come from a session file: shown inert like any untrusted text.
        let header = (job == 0 ? "" : "\n") + "── \(TextSanitizer.plainSanitized(jobs[job].title)) ──\n"
        Stdout.write(header)
    }

    private func emit(_ part: StreamPart, job: Int) {
        if !sectionOpen { openSection(job) }
        if json {
            let line = tagged(StreamPartJSON.object(for: part), job: job)
            Stdout.write(line + "\n")
            return
        }
        switch part {
        case .textDelta(let s):
            text.write(s)
            if !s.isEmpty { endedWithNewline = s.hasSuffix("\n") }
        case .reasoningDelta(let s):
            // Reasoning goes to stderr so stdout stays the answer alone.
            let shown = Stderr.isTerminal ? reasoning.feed(s).text : s
            FileHandle.standardError.write(Data((Stderr.isTerminal ? "\u{1B}[2m\(shown)\u{1B}[22m" : shown).utf8))
        case .warning(let w):
            // On one terminal, a warning in the middle of a line of the answer starts a line of its own.
            if !endedWithNewline, text.toTerminal, Stderr.isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
            Stderr.line("refract: \(jobs[job].ref): \(TextSanitizer.plainSanitized(w))")
        case .toolCallDelta(let d):
            var call = calls[d.index] ?? ("", "")
            if let name = d.name { call.name = name }
            call.arguments += d.argumentsDelta
            calls[d.index] = call
        case .toolResult(let r):
            // The loop goes to stderr, like reasoning: stdout stays the final answer.
            if !endedWithNewline, text.toTerminal, Stderr.isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
            Stderr.line(ToolLines.call(name: r.name, arguments: calls[r.index]?.arguments ?? "", step: r.step))
            Stderr.line(ToolLines.result(r))
        case .error, .usage, .finish, .logprobs:
            break
        }
    }

    private func closeSection(_ job: Int, meter: RunMeter, cancelled: Bool) {
        sectionOpen = false
        let ref = jobs[job].ref
        // A finished answer is checked against the schema; a failed or cancelled one is not.
        let verdict = meter.result.error == nil && !cancelled ? jobs[job].schema.map { SchemaVerdict.check(meter.result.text, against: $0) } : nil
        if json {
            let summary = tagged(StreamPartJSON.summary(meter.result, costUSD: meter.cost, schema: verdict), job: job)
            Stdout.write(summary + "\n")
        } else {
            text.finish()
            if !endedWithNewline { Stdout.write("\n") }
            endedWithNewline = true
        }
        if let error = meter.result.error {
            Stderr.line("refract: \(ref): \(TextSanitizer.plainSanitized(error.description))")
        } else if cancelled {
            Stderr.line("refract: \(ref): cancelled; the partial answer is above")
        }
        if let note = meter.reportedZeroNote { Stderr.line("refract: \(ref): \(note)") }
        if let verdict { Stderr.line("refract: \(ref): schema: \(TextSanitizer.plainSanitized(verdict.summary))") }
        Stderr.line(Self.stats(ref: ref, meter: meter))
    }

    /// `local:x · in 23 · out 40 · 85.2 tok/s · ttft 0.12 s · 0.61 s · $0.00 (source)`.
    static func stats(ref: ModelRef, meter: RunMeter) -> String {
        var parts = [TextSanitizer.plainSanitized(ref.description)]
        let input = meter.inputTokens, output = meter.outputTokens
        parts.append("in \(input.count)\(input.exact ? "" : "~")")
        parts.append("out \(output.count)\(output.exact ? "" : "~")")
        if let rate = meter.tokensPerSecond(now: meter.endedAt ?? meter.startedAt) { parts.append(String(format: "%.1f tok/s", rate)) }
        if let ttft = meter.timeToFirstToken { parts.append("ttft \(MeterFormat.seconds(ttft))") }
        parts.append(MeterFormat.seconds(meter.elapsed(now: meter.endedAt ?? meter.startedAt)))
        if let cost = meter.cost, let price = meter.price {
            parts.append("\(MeterFormat.usd(cost)) (\(price.source))")
        } else {
            parts.append("unpriced")
        }
        return parts.joined(separator: " · ")
    }

    /// Puts the run's own fields first in a JSON object line.
    private func tagged(_ line: String, job: Int) -> String {
        let fields = jobs[job].jsonFields
        guard !fields.isEmpty, line.hasPrefix("{") else { return line }
        return "{" + fields + line.dropFirst()
    }
}

/// JSON string literals for the few hand-built JSON fragments.
enum JSONText {
    static func quoted(_ s: String) -> String {
        JSONStringEscaper.quoted(s)
    }
}
