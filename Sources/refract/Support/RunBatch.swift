import Evaluation
import Foundation
import Platform
import Providers
import Workbench

/// Every instruction × every model as concurrent runs: checked before anything is sent, recorded in
/// one session (a comparison group when there are several), limited per provider (config
/// `concurrency`), and stopped with what arrived kept when Ctrl-C comes. `run` and `compare` share it.
struct RunBatch {
    let jobs: [RunJob]
    let prompts: [Prompt]
    let models: [ModelRef]
    /// The file's tools: each run's model is wrapped in the tool loop.
    let tools: ToolSetup?

    /// Builds the jobs; an unknown provider, a missing key, a missing `{{variable}}` fail here.
    init(plan: PromptPlan, context: AppContext) throws {
        var jobs: [RunJob] = []
        let several = plan.prompts.count > 1
        for (index, named) in plan.prompts.enumerated() {
            for ref in plan.models {
                let spec: ProviderSpec
                do { spec = try context.registry.resolve(ref) } catch { throw CLIError(message: error.description) }
                let mode = plan.mode ?? spec.defaultMode(for: ref.model)
                var request: ModelRequest
                do { request = try named.prompt.request(model: ref.model, parameters: plan.parameters, mode: mode) } catch {
                    throw CLIError(message: error.description, exitCode: 2)
                }
                plan.tools?.apply(to: &request)
                jobs.append(RunJob(
                    ref: ref, request: request, prompt: named.prompt, protocolName: spec.protocolName, price: context.prices.price(for: ref),
                    instruction: several ? index + 1 : nil, variantName: named.name ?? (several ? "instruction \(index + 1)" : nil)
                ))
            }
        }
        self.jobs = jobs
        self.tools = plan.tools
        self.prompts = plan.prompts.map(\.prompt)
        self.models = plan.models
    }

    /// Runs everything; `printer` (if any) sees every part. Returns each job's meter (in job order),
    /// whether it was cancelled, and whether Ctrl-C stopped the batch.
    func run(context: AppContext, sessions: SessionOptions, printer: RunPrinter?) async -> (results: [(RunMeter, Bool)], interrupted: Bool) {
        let recording = sessions.recordingStore(config: context.config, environment: context.environment).map {
            SessionRecording(store: $0, prompts: prompts, models: models, refractVersion: RefractVersion.string)
        }
        defer {
            if let file = recording?.close() { Stderr.line("refract: saved to \(SessionRecording.displayPath(file))") }
        }
        let limiter = ConcurrencyLimiter(providers: context.registry.providers)
        let interrupted = InterruptFlag()
        var results = [(RunMeter, Bool)?](repeating: nil, count: jobs.count)
        await withTaskGroup(of: (Int, RunMeter, Bool)?.self) { group in
            for (index, job) in jobs.enumerated() {
                // Started here, in order, so run numbers follow the order of the options.
                let saving = recording?.beginRun(
                    prompt: job.prompt, model: job.ref, protocolName: job.protocolName, parameters: job.request.parameters,
                    mode: job.request.mode, variant: job.variantName, request: job.request
                )
                group.addTask {
                    let outcome = await limiter.withPermit(job.ref.provider) {
                        let base = context.registry.languageModel(for: job.ref)
                        let model = tools.map { $0.model(base, ask: TerminalToolAsk.ask) } ?? base
                        return await job.execute(model: model, index: index, printer: printer, recording: saving)
                    }
                    // Cancelled while waiting for a place: it never started.
                    let (meter, cancelled) = outcome ?? job.notStarted(recording: saving)
                    if outcome == nil { await printer?.finished(job: index, meter: meter, cancelled: true) }
                    return (index, meter, cancelled)
                }
            }
            // Ctrl-C stops the streams; what arrived is kept and reported as cancelled.
            group.addTask {
                await interrupted.wait()
                return nil
            }
            var finished = 0
            for await result in group {
                guard let (index, meter, cancelled) = result else {
                    if interrupted.fired { group.cancelAll() }
                    continue
                }
                results[index] = (meter, cancelled)
                finished += 1
                if finished == jobs.count { group.cancelAll() }
            }
        }
        return (results.compactMap { $0 }, interrupted.fired)
    }
}

/// One instruction on one model.
struct RunJob: Sendable {
    let ref: ModelRef
    let request: ModelRequest
    let prompt: Prompt
    let protocolName: ProtocolName
    let price: Price?
    /// The instruction's number when several share the input.
    let instruction: Int?
    /// The instruction variant's name (a prompt file's, or "instruction N").
    let variantName: String?

    var promptCharacters: Int {
        request.messages.reduce(0) { $0 + $1.content.unicodeScalars.count }
    }

    /// Streams into the printer and the session; returns the meter and whether it was cancelled.
    func execute(model: any LanguageModel, index: Int, printer: RunPrinter?, recording: RunRecording?) async -> (RunMeter, Bool) {
        var meter = RunMeter(startedAt: MonotonicClock.now(), price: price, protocolName: protocolName, promptCharacters: promptCharacters)
        for await part in model.stream(request) {
            meter.add(part, at: MonotonicClock.now())
            recording?.record(part)
            await printer?.part(part, job: index)
        }
        let cancelled = Task.isCancelled && !meter.result.failed
        meter.end(at: MonotonicClock.now())
        recording?.end(meter: meter, cancelled: cancelled)
        await printer?.finished(job: index, meter: meter, cancelled: cancelled)
        return (meter, cancelled)
    }

    /// The meter of a run stopped before it started (recorded as cancelled, with no text).
    func notStarted(recording: RunRecording?) -> (RunMeter, Bool) {
        var meter = RunMeter(startedAt: MonotonicClock.now(), price: price, protocolName: protocolName, promptCharacters: promptCharacters)
        meter.end(at: meter.startedAt)
        recording?.end(meter: meter, cancelled: true)
        return (meter, true)
    }
}
