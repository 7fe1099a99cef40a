import Evaluation
import Foundation
import Providers
import Sessions

extension EffectRunner {
    /// Reads the cases and checks from the file's text, builds the cells and looks each up in the cache
    /// (the session store), off the UI thread; answers with `evaluationPrepared` or `evaluationFailed`.
    func prepareEvaluation(_ request: EvaluationRequest) {
        Task.detached(priority: .userInitiated) { [queue, sessions] in
            let folder = request.file.deletingLastPathComponent()
            let spec: EvaluationSpec
            do throws(EvaluationError) { spec = try EvaluationSpecReader(file: request.file.lastPathComponent, folder: folder).read(request.text) } catch {
                queue.send(.evaluationFailed(error.description))
                return
            }
            guard !spec.cases.isEmpty else {
                queue.send(.evaluationFailed("\(request.file.lastPathComponent) has no [[cases]] (or cases = \"FILE\"): add some to evaluate (docs/evaluations.md)"))
                return
            }
            let plan: EvalPlan
            do throws(EvaluationError) {
                plan = try EvalPlan.make(
                    prompts: request.variants.map { ($0.name, $0.prompt) }, models: request.models, parameters: request.parameters,
                    mode: { _ in request.mode }, spec: spec, caseNames: request.caseNames
                )
            } catch {
                queue.send(.evaluationFailed(error.description))
                return
            }
            var cached: [Int: PreparedEvaluation.CachedAnswer] = [:]
            if request.useCache, let sessions {
                let cache = EvalCache.load(store: sessions)
                for (index, cell) in plan.cells.enumerated() {
                    guard let hit = cache.lookup(prompt: cell.prompt, model: cell.model, parameters: cell.request.parameters, mode: cell.request.mode,
                                                 sample: cell.repeatIndex) else { continue }
                    let recorded = hit.run
                    let parts: [StreamPart] = [.warning("\(EvalCache.cachedWarningPrefix)the answer of run \(recorded.run) in \(hit.file.lastPathComponent)"),
                                               .textDelta(recorded.text)] + (recorded.usage.map { [.usage($0)] } ?? []) + [.finish(FinishReason(.stop))]
                    cached[index] = .init(parts: parts, text: recorded.text, costUSD: recorded.cost?.usd, ttftMs: recorded.ttftMs, latencyMs: recorded.totalMs)
                }
            }
            queue.send(.evaluationPrepared(PreparedEvaluation(plan: plan, cached: cached, warnings: spec.warnings)))
        }
    }

    /// Runs a cell's checks (judges and commands concurrently), records them after its run, and reports them.
    func grade(_ request: GradeRequest) {
        Task { [queue, observer, checks] in
            let results: [CheckResult]
            if let error = request.runError {
                results = request.checks.map { CheckResult(name: $0.name, type: $0.type, status: .error, reason: "not run: \(error)", weight: $0.weight) }
            } else {
                results = await checks.run(request.checks, context: request.context)
            }
            observer?.checkResults(request.runID, results)
            queue.send(.cellGraded(runID: request.runID, results))
        }
    }

    /// Reads the cases for the Cases pane.
    func loadCases(text: String, file: URL) {
        Task.detached(priority: .userInitiated) { [queue] in
            do throws(EvaluationError) {
                let spec = try EvaluationSpecReader(file: file.lastPathComponent, folder: file.deletingLastPathComponent()).read(text)
                queue.send(.casesLoaded(spec.cases, error: nil))
            } catch {
                queue.send(.casesLoaded([], error: error.description))
            }
        }
    }

    /// Reads a file of cases to import (with the same readers as `cases = "FILE"`, so a bad row is named the
    /// same way: `cases.csv:4: no value for column email`).
    func readCaseFile(_ path: String, folder: URL) {
        Task.detached(priority: .userInitiated) { [queue] in
            let url = Self.caseFileURL(path, folder: folder)
            do throws(EvaluationError) {
                queue.send(.casesImported(try CaseFileLoader.load(url, shownAs: path), source: path, error: nil))
            } catch {
                queue.send(.casesImported([], source: path, error: error.description))
            }
        }
    }

    /// A typed path: `~/…` is the home folder's, a relative one the prompt file's folder's (as `cases = "FILE"`).
    static func caseFileURL(_ path: String, folder: URL) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        return (expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : folder.appendingPathComponent(expanded)).standardizedFileURL
    }
}
