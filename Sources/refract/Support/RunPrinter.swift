import Foundation
import Providers
import TerminalUI
import Workbench

/// Prints runs in order: the first streams live; the others are held and printed, each as a
/// labelled section, as soon as everything before them is out.
actor RunPrinter {
    private let jobs: [RunJob]
    private let json: Bool
    private var current = 0
    private var held: [Int: [StreamPart]] = [:]
    private var done: [Int: (RunMeter, Bool)] = [:]
    private var text = TerminalTextWriter()
    private var reasoning = StreamSanitizer()
    private var endedWithNewline = true
    private var sectionOpen = false

    init(jobs: [RunJob], json: Bool) {
        self.jobs = jobs
        self.json = json
    }

    func part(_ part: StreamPart, job: Int) {
        if job == current { emit(part, job: job) } else { held[job, default: []].append(part) }
    }

    func finished(job: Int, meter: RunMeter, cancelled: Bool) {
        done[job] = (meter, cancelled)
        while current < jobs.count, let (meter, cancelled) = done[current] {
            if !sectionOpen { openSection(current) }
            for part in held.removeValue(forKey: current) ?? [] { emit(part, job: current) }
            closeSection(current, meter: meter, cancelled: cancelled)
            current += 1
        }
    }

    private func openSection(_ job: Int) {
        sectionOpen = true
        guard jobs.count > 1, !json else { return }
        let header = (job == 0 ? "" : "\n") + "── \(jobs[job].ref) ──\n"
        FileHandle.standardOutput.write(Data(header.utf8))
    }

    private func emit(_ part: StreamPart, job: Int) {
        if !sectionOpen { openSection(job) }
        if json {
            var line = StreamPartJSON.object(for: part)
            if jobs.count > 1 { line = line.replacingOccurrences(of: "{\"type\"", with: "{\"model\":\(quoted(jobs[job].ref.description)),\"type\"", options: .anchored) }
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
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
            Stderr.line("refract: \(jobs[job].ref): \(TextSanitizer.plainSanitized(w))")
        case .error, .usage, .finish, .toolCallDelta:
            break
        }
    }

    private func closeSection(_ job: Int, meter: RunMeter, cancelled: Bool) {
        sectionOpen = false
        let ref = jobs[job].ref
        if json {
            var summary = StreamPartJSON.summary(meter.result, costUSD: meter.cost)
            if jobs.count > 1 { summary = summary.replacingOccurrences(of: "{\"type\"", with: "{\"model\":\(quoted(ref.description)),\"type\"", options: .anchored) }
            FileHandle.standardOutput.write(Data((summary + "\n").utf8))
        } else {
            text.finish()
            if !endedWithNewline { FileHandle.standardOutput.write(Data("\n".utf8)) }
            endedWithNewline = true
        }
        if let error = meter.result.error {
            Stderr.line("refract: \(ref): \(TextSanitizer.plainSanitized(error.description))")
        } else if cancelled {
            Stderr.line("refract: \(ref): cancelled; the partial answer is above")
        }
        Stderr.line(Self.stats(ref: ref, meter: meter))
    }

    /// `local:x · in 23 · out 40 · 85.2 tok/s · ttft 0.12 s · 0.61 s · $0.00 (source)`.
    static func stats(ref: ModelRef, meter: RunMeter) -> String {
        var parts = ["\(ref)"]
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

    private func quoted(_ s: String) -> String {
        String(decoding: (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}
