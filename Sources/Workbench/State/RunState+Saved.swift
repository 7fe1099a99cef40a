import Foundation
import Providers
import Sessions

extension RunState {
    /// A run rebuilt from a session file, ended as it ended then (its parts replayed into the meter at
    /// their recorded offsets, so time to first token and speed are the original ones).
    public init(saved: RecordedRun, id: String, now: Double, price: Price?, protocolName: ProtocolName?) {
        let total = Double(saved.totalMs ?? saved.timeline.last?.ms ?? 0) / 1000
        let start = now - total
        self.init(id: id, model: saved.model, parameters: saved.started.params, mode: saved.started.mode, prompt: saved.started.prompt,
                  startedAt: start, price: price, protocolName: protocolName)
        for item in saved.timeline { apply(item.part, at: start + Double(item.ms) / 1000) }
        switch saved.outcome {
        case .finished:
            end(at: start + total)
        case .failed(let failure):
            if !result.failed { apply(.error(ProviderError(kind: failure.error.kind, message: failure.error.message)), at: start + total) }
            end(at: start + total)
        case .incomplete:
            if !result.failed {
                apply(.error(ProviderError(kind: .streamCut, message: "the session file ends before this run did (Refract was stopped); the partial answer is kept")), at: start + total)
            }
            end(at: start + total)
        }
        savedFrom = "run \(saved.run)"
        branch = saved.started.branch.map(RunBranch.init(saved:))
        if let point = saved.started.branch { label = label ?? "branch of run \(point.of) at token \(point.token + 1)" }
        // The verdict recorded when the run ended is the one shown (a branch's covers its prefix too).
        if let recorded = saved.schemaVerdict { schemaVerdict = recorded }
    }
}
