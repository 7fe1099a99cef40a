import Evaluation
import Foundation
import Providers
import Sessions

extension WorkbenchReducer {
    /// A recorded evaluation plays back as its matrix: each run a cell (its row found by the case name in
    /// its label, else by its values), filling in with its recorded timing, its recorded check results
    /// shown when its answer ends. Returns false when the runs are not an evaluation (no check results).
    func replayEvaluation(_ saved: [RecordedRun], group: Int, _ state: inout WorkbenchState) -> Bool {
        guard !saved.isEmpty, saved.contains(where: { !$0.checks.isEmpty }) else { return false }
        var cases: [EvalCase] = []
        var rowOf: [String: Int] = [:]
        var columns: [EvalColumnKey] = []
        var cells: [EvalCell] = []
        var samples: [String: Int] = [:]
        for run in saved {
            let s = run.started
            let values = s.prompt.variables.keys.sorted().map { "\($0)=\(s.prompt.variables[$0]!)" }.joined(separator: "\u{1}")
            let rowKey = s.label.map { "label:" + $0 } ?? "values:" + values
            let row: Int
            if let r = rowOf[rowKey] { row = r } else {
                row = cases.count
                rowOf[rowKey] = row
                cases.append(EvalCase(name: s.label ?? "case \(row + 1)", variables: s.prompt.variables))
            }
            let column = EvalColumnKey(variant: s.variant ?? "", model: s.model)
            if !columns.contains(column) { columns.append(column) }
            let sampleKey = "\(row)\u{1}\(column.variant)\u{1}\(column.model)"
            samples[sampleKey, default: 0] += 1
            let request = (try? s.prompt.request(model: s.model.model, parameters: s.params, mode: s.mode)) ?? ModelRequest(model: s.model.model, messages: [])
            cells.append(EvalCell(caseIndex: row, evalCase: cases[row], variant: column.variant, model: s.model, repeatIndex: samples[sampleKey]!,
                                  prompt: s.prompt, request: request, checks: []))
        }
        state.replays = []
        let plan = EvalPlan(cells: cells, columns: columns, cases: cases)
        var evaluation = EvaluationState(groupID: "replay\(group)", title: "Replay of evaluation \(group) · \(cases.count) cases × \(columns.count) columns",
                                         plan: plan, startedAt: state.now)
        evaluation.isReplay = true
        for (index, run) in saved.enumerated() {
            state.runCounter += 1
            let id = "r\(state.runCounter)"
            var replaying = RunState(id: id, model: run.model, parameters: run.started.params, mode: run.started.mode, prompt: run.started.prompt,
                                     startedAt: state.now, price: prices.price(for: run.model), protocolName: providers[run.model.provider]?.protocolName)
            replaying.savedFrom = "run \(run.run)"
            replaying.label = run.started.label
            state.runs.append(replaying)
            state.replays.append(ReplayState(runID: id, clock: ReplayClock(run: run, speed: .x1), now: state.now))
            evaluation.cells[index].runID = id
            evaluation.cells[index].recordedChecks = run.checks.map {
                CheckResult(name: $0.name, type: $0.check, status: CheckResult.Status(rawValue: $0.result) ?? .error, reason: $0.reason, weight: $0.weight)
            }
            if run.warnings.contains(where: { $0.hasPrefix(EvalCache.cachedWarningPrefix) }) {
                evaluation.cells[index].cached = .init(costUSD: run.cost?.usd, ttftMs: run.ttftMs, latencyMs: run.totalMs)
            }
        }
        state.evaluation = evaluation
        state.comparison?.visible = false
        state.notice = Notice("replaying evaluation \(group) ×1 — Space pause, . step, 1/2/0 speed, i instant", level: .info, expiresAt: state.now + 6)
        return true
    }
}
