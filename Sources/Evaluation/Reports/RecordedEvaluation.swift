import Foundation
import Providers
import Sessions

/// A recorded evaluation read back as its matrix: rows, columns and every cell's recorded answer and check
/// results. A run's row is its label (the workbench and `refract eval` record the case name there) or, in
/// older recordings, its values; the n-th run with the same row and column is its n-th sample.
public struct RecordedEvaluation: Sendable {
    public var plan: EvalPlan
    /// One per run, in the runs' order.
    public var results: [CellResult]

    /// Nil when the runs are not an evaluation's (none of them has a recorded check result).
    public init?(runs: [RecordedRun]) {
        guard !runs.isEmpty, runs.contains(where: { !$0.checks.isEmpty }) else { return nil }
        var cases: [EvalCase] = []
        var rowOf: [String: Int] = [:]
        var columns: [EvalColumnKey] = []
        var samples: [String: Int] = [:]
        var cells: [EvalCell] = []
        var results: [CellResult] = []
        for run in runs {
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
            let cell = EvalCell(caseIndex: row, evalCase: cases[row], variant: column.variant, model: s.model, repeatIndex: samples[sampleKey]!,
                                prompt: s.prompt, request: request, checks: [])
            cells.append(cell)
            let checks = run.checks.map {
                CheckResult(name: $0.name, type: $0.check, status: CheckResult.Status(rawValue: $0.result) ?? .error, reason: $0.reason, weight: $0.weight,
                            judge: $0.judge.map { JudgeRecord(model: $0.model, prompt: $0.prompt, answer: $0.answer, costUSD: $0.usd) })
            }
            let runError: String? = switch run.outcome {
            case .finished: nil
            case .failed(let f): f.error.message
            case .incomplete: "the recording stops before the run ended"
            }
            results.append(CellResult(
                cell: cell, text: run.text, usage: run.usage ?? Usage(), costUSD: run.cost?.usd, ttftMs: run.ttftMs, latencyMs: run.totalMs,
                cached: run.warnings.contains { $0.hasPrefix(EvalCache.cachedWarningPrefix) }, runError: runError, checks: checks
            ))
        }
        plan = EvalPlan(cells: cells, columns: columns, cases: cases)
        self.results = results
    }
}
