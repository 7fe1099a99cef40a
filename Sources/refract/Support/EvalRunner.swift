import Evaluation
import Foundation
import Platform
import Providers
import Sessions

/// Runs an evaluation's cells the way `RunBatch` runs a comparison (one `RunJob` per cell, at most
/// `concurrency` streams per provider, Ctrl-C keeps what finished), then grades each answer and records
/// the check results after its run. A cached cell reuses a recorded answer and is only re-graded.
struct EvalRunner {
    let plan: EvalPlan
    let context: AppContext
    let checks: CheckRunner
    let cache: EvalCache?
    /// The protocol of each provider used, resolved before anything is sent.
    let protocols: [String: ProtocolName]
    /// Streams at once per provider, shared with the judges (`LimitedModel`).
    let limiter: ConcurrencyLimiter

    func run(recording: SessionRecording?, progress: EvalProgress?) async -> (results: [CellResult], interrupted: Bool) {
        let interrupted = InterruptFlag()
        var results = [CellResult?](repeating: nil, count: plan.cells.count)
        await withTaskGroup(of: (Int, CellResult)?.self) { group in
            for (index, cell) in plan.cells.enumerated() {
                let hit = cache?.lookup(prompt: cell.prompt, model: cell.model, parameters: cell.request.parameters, mode: cell.request.mode, sample: cell.repeatIndex)
                group.addTask {
                    let result: CellResult
                    if let hit {
                        result = await cached(cell, hit, recording: recording)
                    } else {
                        // The model's place is held while it streams, not while its answer is graded (a judge waits for its own).
                        if let (ran, ttft, total, run) = await limiter.withPermit(cell.model.provider, { await fresh(cell, recording: recording) }) {
                            var graded = ran
                            await grade(&graded, ttft: ttft, total: total, run: run, recording: recording)
                            result = graded
                        } else {
                            result = stopped(cell)
                        }
                    }
                    progress?.cellFinished(
                        label: "\(cell.evalCase.name) · \(cell.variant) · \(cell.model)", status: result.status.rawValue, cached: result.cached,
                        cost: result.costUSD
                    )
                    return (index, result)
                }
            }
            group.addTask {
                await interrupted.wait()
                return nil
            }
            var finished = 0
            for await item in group {
                guard let (index, result) = item else {
                    if interrupted.fired { group.cancelAll() }
                    continue
                }
                results[index] = result
                finished += 1
                if finished == plan.cells.count { group.cancelAll() }
            }
        }
        return (results.compactMap { $0 }, interrupted.fired)
    }

    private func job(_ cell: EvalCell) -> RunJob {
        RunJob(
            ref: cell.model, request: cell.request, prompt: cell.prompt, protocolName: protocols[cell.model.provider] ?? .openAIChat,
            price: context.prices.price(for: cell.model), instruction: nil, variantName: cell.variant
        )
    }

    /// Streams the cell's request (recorded as a run); the result is graded by the caller.
    private func fresh(_ cell: EvalCell, recording: SessionRecording?) async -> (CellResult, Double?, Double?, Int?) {
        let job = job(cell)
        let saving = recording?.beginRun(
            prompt: cell.prompt, model: cell.model, protocolName: job.protocolName, parameters: cell.request.parameters, mode: cell.request.mode,
            variant: cell.variant, label: cell.evalCase.name
        )
        let (meter, cancelled) = await job.execute(model: context.registry.languageModel(for: cell.model), index: 0, printer: nil, recording: saving)
        let ttft = meter.timeToFirstToken.map { $0 * 1000 }
        let total = meter.endedAt.map { ($0 - meter.startedAt) * 1000 }
        var result = CellResult(
            cell: cell, text: meter.result.text, usage: meter.result.usage ?? Usage(), costUSD: meter.cost, ttftMs: ttft.map { Int($0.rounded()) },
            latencyMs: total.map { Int($0.rounded()) }
        )
        if let error = meter.result.error {
            result.runError = error.description
        } else if cancelled {
            result.runError = "stopped before it finished"
        }
        return (result, ttft, total, saving?.recorder.run)
    }

    /// A recorded answer, copied into this session as a run marked cached, then graded again.
    private func cached(_ cell: EvalCell, _ hit: EvalCache.Entry, recording: SessionRecording?) async -> CellResult {
        let job = job(cell)
        let saving = recording?.beginRun(
            prompt: cell.prompt, model: cell.model, protocolName: job.protocolName, parameters: cell.request.parameters, mode: cell.request.mode,
            variant: cell.variant, label: cell.evalCase.name
        )
        let recorded = hit.run
        var meter = RunMeter(startedAt: MonotonicClock.now(), price: job.price, protocolName: job.protocolName, promptCharacters: job.promptCharacters)
        let parts: [StreamPart] = [.warning("\(EvalCache.cachedWarningPrefix)the answer of run \(recorded.run) in \(hit.file.lastPathComponent)"), .textDelta(recorded.text)]
            + (recorded.usage.map { [.usage($0)] } ?? []) + [.finish(FinishReason(.stop))]
        for part in parts {
            meter.add(part, at: meter.startedAt)
            saving?.record(part)
        }
        meter.end(at: meter.startedAt)
        saving?.end(meter: meter, cancelled: false)
        let ttft = recorded.ttftMs.map(Double.init), total = recorded.totalMs.map(Double.init)
        var result = CellResult(
            cell: cell, text: recorded.text, usage: recorded.usage ?? Usage(), costUSD: recorded.cost?.usd, ttftMs: recorded.ttftMs,
            latencyMs: recorded.totalMs, cached: true
        )
        await grade(&result, ttft: ttft, total: total, run: saving?.recorder.run, recording: recording)
        return result
    }

    /// A cell stopped (Ctrl-C) before it got a place to run.
    private func stopped(_ cell: EvalCell) -> CellResult {
        var result = CellResult(cell: cell, text: "", runError: "stopped before it started")
        result.checks = cell.checks.map { CheckResult(name: $0.name, type: $0.type, status: .error, reason: "not run: the cell was stopped", weight: $0.weight) }
        return result
    }

    /// Runs the cell's checks (a failed run's checks are errors, not guesses) and records them after the run.
    private func grade(_ result: inout CellResult, ttft: Double?, total: Double?, run: Int?, recording: SessionRecording?) async {
        let cell = result.cell
        if let error = result.runError {
            result.checks = cell.checks.map { CheckResult(name: $0.name, type: $0.type, status: .error, reason: "not run: \(error)", weight: $0.weight) }
        } else {
            let context = cell.context(
                answer: result.text, costUSD: result.costUSD, ttftMs: ttft, totalMs: total, outputTokens: result.usage.output,
                defaults: cell.prompt.variables
            )
            result.checks = await checks.run(cell.checks, context: context)
        }
        guard let run, let recording else { return }
        recording.append(result.checks.enumerated().map { index, c in
            .checkResult(CheckResultEvent(
                run: run, index: index, name: c.name, check: c.type, result: c.status.rawValue, reason: c.reason, weight: c.weight,
                judge: c.judge.map { .init(model: $0.model, prompt: $0.prompt, answer: $0.answer, usd: $0.costUSD) }
            ))
        })
    }
}
