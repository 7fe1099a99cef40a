import Evaluation
import Foundation
import PromptFiles
import Providers
import Sessions
import TerminalUI

extension WorkbenchReducer {
    /// The evaluate key: the prompt file's cases × every instruction variant × the file's models. The
    /// cases are read and the cache consulted by the effect runner; `evaluationPrepared` comes back.
    func requestEvaluation(_ state: inout WorkbenchState, useCache: Bool, caseNames: [String] = []) -> [Effect] {
        if let evaluation = state.evaluation, !evaluation.isReplay, evaluationIsRunning(evaluation, state) {
            state.evaluation?.visible = true
            state.notice = Notice("an evaluation is running: Esc stops it", level: .info, expiresAt: state.now + 4)
            return []
        }
        guard !state.preparingEvaluation else {
            state.notice = Notice("reading the cases…", level: .info, expiresAt: state.now + 4)
            return []
        }
        guard let url = state.document.url else {
            state.notice = Notice("an evaluation reads [[cases]] and [[checks]] from a prompt file: start with refract FILE.refract.toml", level: .info, expiresAt: state.now + 6)
            return []
        }
        let doc = state.promptDocument
        var models: [ModelRef] = []
        for name in doc.models { if let ref = ModelRef(name), !models.contains(ref) { models.append(ref) } }
        if models.isEmpty { models = [state.model] }
        let variants = state.variants.indices.map { EvaluationRequest.Variant(name: state.variants[$0].name, prompt: state.prompt(variant: $0)) }
        state.notice = Notice("reading the cases…", level: .info, expiresAt: state.now + 10)
        state.preparingEvaluation = true
        return [.prepareEvaluation(EvaluationRequest(
            text: PromptFileWriter.text(of: doc), file: url, variants: variants, models: models, parameters: state.parameters, mode: state.mode,
            useCache: useCache, caseNames: caseNames
        ))]
    }

    /// Cells still streaming or waiting for their grades.
    func evaluationIsRunning(_ evaluation: EvaluationState, _ state: WorkbenchState) -> Bool {
        evaluation.cells.contains { $0.checks == nil && $0.runID != nil }
            && !evaluation.stopped
    }

    /// The plan is ready: the estimate against the budget (asking when over it), then every cell as a run.
    func applyEvaluationPrepared(_ prepared: PreparedEvaluation, confirmed: Bool, _ state: inout WorkbenchState) -> [Effect] {
        let protocols = providers.mapValues(\.protocolName)
        let estimate = EvalEstimate(cells: prepared.plan.cells, prices: prices, protocols: protocols, cached: Set(prepared.cached.keys))
        if !confirmed, let budget, estimate.usd > budget {
            state.overlay = .confirm(ConfirmState(
                message: "This evaluation (\(estimate.cells) cells to run, \(estimate.judgeCalls) judge calls) may cost up to \(MeterFormat.usd(estimate.usd)), over your budget of \(MeterFormat.usd(budget)) (budget_usd). Run it?",
                purpose: .runEvaluation(prepared)))
            return []
        }
        return launchEvaluation(prepared, estimate: estimate, &state)
    }

    func launchEvaluation(_ prepared: PreparedEvaluation, estimate: EvalEstimate, _ state: inout WorkbenchState) -> [Effect] {
        let plan = prepared.plan
        guard !plan.cells.isEmpty else {
            state.notice = Notice("no cells to evaluate: every case names variants that are not here", level: .info, expiresAt: state.now + 5)
            return []
        }
        state.groupCounter += 1
        let groupID = "g\(state.groupCounter)"
        let shape = "\(plan.cases.count) case\(plan.cases.count == 1 ? "" : "s") × \(plan.columns.count) column\(plan.columns.count == 1 ? "" : "s")"
        var evaluation = EvaluationState(groupID: groupID, title: "Evaluation · \(shape)", plan: plan, startedAt: state.now)
        var requests: [RunRequest] = []
        requests.reserveCapacity(plan.cells.count)
        for index in plan.cells.indices {
            let hit = prepared.cached[index]
            // Attached first: attaching a run starts its cell afresh.
            requests.append(appendCellRun(index, &evaluation, &state, canned: hit?.parts))
            if let hit { evaluation.setCached(.init(costUSD: hit.costUSD, ttftMs: hit.ttftMs, latencyMs: hit.latencyMs), cell: index) }
        }
        state.evaluation = evaluation
        state.comparison?.visible = false
        state.overlay = nil
        let unpriced = estimate.unpriced > 0 ? ", \(estimate.unpriced) unpriced" : ""
        state.notice = Notice(
            "evaluating \(plan.cells.count) cells (\(estimate.cachedCells) cached, up to \(MeterFormat.usd(estimate.usd))\(unpriced)) — Esc stops",
            level: .info, expiresAt: state.now + 5
        )
        var variants: [String] = []
        var models: [ModelRef] = []
        for key in plan.columns {
            if !variants.contains(key.variant) { variants.append(key.variant) }
            if !models.contains(key.model) { models.append(key.model) }
        }
        return [.startGroup(GroupRequest(groupID: groupID, kind: .evaluation, instructions: variants, models: models, runs: requests,
                                         cases: plan.cases.map(\.name)))]
    }

    /// A cell's run ended: grade it (a failed or stopped run's checks become errors in the runner).
    func evaluationRunEnded(_ runID: String, _ state: inout WorkbenchState) -> [Effect] {
        guard let evaluation = state.evaluation, !evaluation.isReplay, let index = evaluation.cellIndex(ofRun: runID),
              evaluation.cells[index].checks == nil, let i = runIndex(runID, state) else { return [] }
        let run = state.runs[i]
        let cell = evaluation.plan.cells[index]
        let figures = evaluation.cells[index].cached
        let ttft = figures?.ttftMs.map(Double.init) ?? run.timeToFirstToken.map { $0 * 1000 }
        let total = figures?.latencyMs.map(Double.init) ?? run.endedAt.map { ($0 - run.startedAt) * 1000 }
        let context = cell.context(
            answer: run.result.text, costUSD: figures?.costUSD ?? run.cost, ttftMs: ttft, totalMs: total, outputTokens: run.result.usage?.output,
            defaults: cell.prompt.variables
        )
        let runError: String? = switch run.phase {
        case .failed: run.result.error?.description ?? "the run failed"
        case .cancelled: "stopped before it finished"
        default: nil
        }
        return [.gradeCell(GradeRequest(runID: runID, checks: cell.checks, context: context, runError: runError))]
    }

    func applyCellGraded(_ runID: String, _ results: [CheckResult], _ state: inout WorkbenchState) {
        guard let index = state.evaluation?.cellIndex(ofRun: runID) else { return }
        state.evaluation?.grade(cell: index, results)
        if let e = state.evaluation, e.progress.done == e.progress.total, !e.isReplay {
            let failed = e.cells.indices.filter { e.status(ofCell: $0) != .pass }.count
            state.notice = Notice(failed == 0 ? "evaluation done: every cell passed" : "evaluation done: \(failed) of \(e.cells.count) cells did not pass (f shows them)",
                                  level: failed == 0 ? .success : .info, expiresAt: state.now + 8)
        }
    }

    /// A replayed cell's recorded answer ended: its recorded results appear.
    func applyRecordedChecks(_ runID: String, _ state: inout WorkbenchState) {
        // Read first, then change: a copy of the state held across the change would copy all the cells.
        guard state.evaluation?.isReplay == true, let index = state.evaluation?.cellIndex(ofRun: runID) else { return }
        let recorded = state.evaluation?.cells[index].recordedChecks ?? []
        state.evaluation?.grade(cell: index, recorded)
    }

    /// Esc while cells run: every unfinished cell stops; what finished stays.
    func stopEvaluation(_ state: inout WorkbenchState) -> [Effect] {
        guard let evaluation = state.evaluation else { return [] }
        var effects: [Effect] = []
        for cell in evaluation.cells {
            guard let id = cell.runID, let i = runIndex(id, state), state.runs[i].phase.isActive else { continue }
            cancelRun(id, &state)
            effects.append(.cancelRun(runID: id))
        }
        if evaluation.isReplay {
            state.replays.removeAll { r in evaluation.cells.contains { $0.runID == r.runID } }
        }
        state.evaluation?.stopped = true
        state.notice = Notice("stopped: \(effects.count) unfinished cell\(effects.count == 1 ? "" : "s") cancelled; what finished stays", level: .warning, expiresAt: state.now + 6)
        return effects
    }

    /// Runs these cells again in place (same prompt, model and parameters), recorded in the same group.
    /// `what` names them in the notice ("case \"x\"", "column short · local:…").
    func rerunCells(_ indices: [Int], _ state: inout WorkbenchState, what: String? = nil) -> [Effect] {
        guard var evaluation = state.evaluation, !evaluation.isReplay else {
            state.notice = Notice("a replay cannot be re-run: open the prompt file and evaluate it", level: .info, expiresAt: state.now + 4)
            return []
        }
        var effects: [Effect] = []
        for index in indices where evaluation.plan.cells.indices.contains(index) {
            if let old = evaluation.cells[index].runID, let i = runIndex(old, state), state.runs[i].phase.isActive { continue }
            effects.append(.startRun(appendCellRun(index, &evaluation, &state)))
        }
        evaluation.stopped = false
        state.evaluation = evaluation
        let of = what.map { " of " + $0 } ?? ""
        state.notice = Notice(effects.isEmpty ? "nothing to re-run" + (what.map { " in " + $0 + ": its cells are still running" } ?? "")
                                              : "re-running \(effects.count) cell\(effects.count == 1 ? "" : "s")\(of)", level: .info, expiresAt: state.now + 4)
        return effects
    }

    /// Every cell that failed, erred or was stopped.
    func unfinishedOrFailedCells(_ evaluation: EvaluationState) -> [Int] {
        evaluation.cells.indices.filter { i in
            if let status = evaluation.status(ofCell: i) { return status != .pass }
            return evaluation.stopped
        }
    }

    /// A new run for cell `index`: in `state.runs`, attached to its cell, and the request that starts it.
    /// The case's name is the run's label: a replay finds each run's row by it.
    func appendCellRun(_ index: Int, _ evaluation: inout EvaluationState, _ state: inout WorkbenchState, canned: [StreamPart]? = nil) -> RunRequest {
        let cell = evaluation.plan.cells[index]
        state.runCounter += 1
        let id = "r\(state.runCounter)"
        var run = RunState(id: id, model: cell.model, parameters: cell.request.parameters, mode: cell.request.mode, prompt: cell.prompt,
                           startedAt: state.now, price: prices.price(for: cell.model), protocolName: providers[cell.model.provider]?.protocolName)
        run.label = "\(cell.evalCase.name) · \(cell.variant)"
        evaluation.attach(id, position: state.runs.count, toCell: index)
        state.runs.append(run)
        return RunRequest(runID: id, model: cell.model, request: cell.request, prompt: cell.prompt, label: cell.evalCase.name,
                          variant: cell.variant, groupID: evaluation.groupID, canned: canned)
    }
}
