import Evaluation
import Foundation
import Providers
import Sessions

extension WorkbenchReducer {
    /// A recorded evaluation plays back as its matrix (`RecordedEvaluation` finds each run's row and column),
    /// filling in with its recorded timing, each cell's recorded check results shown when its answer ends.
    /// Returns false when the runs are not an evaluation (no check results), for the comparison replay.
    func replayEvaluation(_ saved: [RecordedRun], group: Int, _ state: inout WorkbenchState) -> Bool {
        guard let recorded = RecordedEvaluation(runs: saved) else { return false }
        let plan = recorded.plan
        state.replays = []
        var evaluation = EvaluationState(groupID: "replay\(group)", title: "Replay of evaluation \(group) · \(plan.cases.count) cases × \(plan.columns.count) columns",
                                         plan: plan, startedAt: state.now)
        evaluation.isReplay = true
        for (index, run) in saved.enumerated() {
            state.runCounter += 1
            let id = "r\(state.runCounter)"
            var replaying = RunState(id: id, model: run.model, parameters: run.started.params, mode: run.started.mode, prompt: run.started.prompt,
                                     startedAt: state.now, price: prices.price(for: run.model), protocolName: providers[run.model.provider]?.protocolName)
            replaying.savedFrom = "run \(run.run)"
            replaying.label = run.started.label
            evaluation.attach(id, position: state.runs.count, toCell: index)
            state.runs.append(replaying)
            state.replays.append(ReplayState(runID: id, clock: ReplayClock(run: run, speed: .x1), now: state.now))
            let result = recorded.results[index]
            evaluation.setCached(result.cached ? .init(costUSD: result.costUSD, ttftMs: result.ttftMs, latencyMs: result.latencyMs) : nil,
                                 recordedChecks: result.checks, cell: index)
        }
        state.evaluation = evaluation
        state.comparison?.visible = false
        state.notice = Notice("replaying evaluation \(group) ×1 — Space pause, . step, 1/2/0 speed, i instant", level: .info, expiresAt: state.now + 6)
        return true
    }
}
