import Foundation
import Providers

/// Folds events into `RecordedRun`s: shared by the whole-file reader and the index's lazy run loader.
struct RunAssembler {
    private var runs: [RecordedRun] = []
    private var accumulators: [RunAccumulator] = []
    private var lastMs: [Int] = []
    private var indexByRun: [Int: Int] = [:]
    /// Warning events that concern the whole session.
    private(set) var sessionWarnings: [SessionWarning] = []

    /// Applies one event; returns a problem when the event cannot be placed.
    mutating func apply(_ event: SessionEvent, line: Int) -> ReadProblem? {
        if case .runStarted(let started) = event {
            guard indexByRun[started.run] == nil else {
                return ReadProblem(line: line, kind: .duplicate, message: "line \(line) starts run \(started.run) a second time; skipped")
            }
            indexByRun[started.run] = runs.count
            runs.append(RecordedRun(started: started))
            accumulators.append(RunAccumulator())
            lastMs.append(0)
            return nil
        }
        if case .warning(let w) = event, w.run == nil {
            sessionWarnings.append(w)
            return nil
        }
        guard let run = event.run else { return nil }
        guard let i = indexByRun[run] else {
            return ReadProblem(line: line, kind: .orphan, message: "line \(line) is a \(event.typeName) event for run \(run), which never started; skipped")
        }
        switch event {
        case .text(let d): add(.textDelta(d.text), at: d.ms, to: i)
        case .reasoning(let d): add(.reasoningDelta(d.text), at: d.ms, to: i)
        case .toolCall(let t):
            add(.toolCallDelta(ToolCallDelta(index: t.index, id: t.id, name: t.name, argumentsDelta: t.arguments)), at: t.ms, to: i)
        case .toolResult(let r): add(.toolResult(r.result), at: r.ms, to: i)
        case .logprobs(let l): add(.logprobs(l.tokens), at: l.ms, to: i)
        case .usage(let u): add(.usage(u.usage), at: lastMs[i], to: i)
        case .warning(let w):
            runs[i].warnings.append(w.message)
            add(.warning(w.message), at: lastMs[i], to: i)
        case .cost(let c): runs[i].cost = c
        case .finished(let f):
            runs[i].outcome = .finished(f)
            add(.finish(f.finishReason), at: f.totalMs, to: i)
        case .failed(let f):
            runs[i].outcome = .failed(f)
            add(.error(f.providerError), at: f.totalMs, to: i)
        case .checkResult(let r): runs[i].checks.append(r)
        case .session, .runStarted, .renamed, .groupStarted, .verdict, .unknown: break
        }
        return nil
    }

    private mutating func add(_ part: StreamPart, at ms: Int, to i: Int) {
        runs[i].timeline.append(TimedPart(ms: ms, part: part))
        accumulators[i].add(part)
        lastMs[i] = max(lastMs[i], ms)
    }

    /// The runs in the order they started, with their answers assembled.
    func assembled() -> [RecordedRun] {
        zip(runs, accumulators).map { run, acc in
            var run = run
            run.text = acc.text
            run.reasoning = acc.reasoning
            run.toolCalls = acc.toolCalls
            run.usage = acc.usage
            return run
        }
    }
}
