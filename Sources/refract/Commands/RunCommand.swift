import ArgumentParser
import Foundation
import Platform
import Providers
import Workbench

/// `refract run`: one prompt to one or more models, streamed to stdout; figures to stderr.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one prompt against one or more models and stream the answer.",
        discussion: """
            Text streams to stdout as it arrives; tokens, speed, time to first token and cost go to stderr \
            at the end. With several --model options (or several --instruction options, each run on the same \
            input) the runs stream concurrently and print as labelled sections, in order: every instruction \
            with every model. Exit status is 0 only when every run succeeded.

            Every run is recorded, as it streams, in a new session file (one file per invocation, one run per \
            model; a run stopped with Ctrl-C is saved as cancelled with its partial answer). The last line on \
            stderr names the file: "refract: saved to <path>". --no-save records nothing. When the sessions \
            folder cannot be written, one warning line goes to stderr and the runs go on; the exit status is \
            not affected. API keys (from the environment or the config file) are never written: one that shows \
            up in a prompt, an answer or an error is saved as [redacted]. See `refract sessions --help` and \
            `refract replay --help`.
            """
    )

    @OptionGroup var promptOptions: PromptOptions
    @OptionGroup var generation: GenerationOptions

    @Option(name: .customLong("model"), help: "provider:model (repeatable). Default: the config's default_model, else local:smollm2-135m-instruct.")
    var models: [String] = []

    @Flag(help: "Print one JSON object per stream part, then a summary object.")
    var json = false

    @Option(help: "The config file (default: $XDG_CONFIG_HOME/refract/config.toml).")
    var config: String?

    @OptionGroup var sessions: SessionOptions

    func run() async throws {
        try await reportingErrors {
            let context = try AppContext.load(configPath: config, readTimeout: generation.readTimeout)
            context.printWarnings()
            let outcome: Bool
            do {
                outcome = try await runAll(context)
            } catch {
                await context.shutdown()
                throw error
            }
            await context.shutdown()
            if !outcome { throw ExitCode(1) }
        }
    }

    /// Runs every instruction on every model; returns whether all succeeded.
    func runAll(_ context: AppContext) async throws -> Bool {
        let prompts = try promptOptions.prompts()
        let refs = models.isEmpty ? [context.config.startingModel] : try models.map(context.modelRef)
        var jobs: [RunJob] = []
        for (index, prompt) in prompts.enumerated() {
            for ref in refs {
                let spec: ProviderSpec
                do { spec = try context.registry.resolve(ref) } catch { throw CLIError(message: error.description) }
                let mode = generation.mode(default: spec.defaultMode(for: ref.model))
                let request: ModelRequest
                do { request = try prompt.request(model: ref.model, parameters: generation.parameters, mode: mode) } catch {
                    throw CLIError(message: error.description, exitCode: 2)
                }
                jobs.append(RunJob(
                    ref: ref, request: request, prompt: prompt, protocolName: spec.protocolName, price: context.prices.price(for: ref),
                    instruction: prompts.count > 1 ? index + 1 : nil
                ))
            }
        }
        let printer = RunPrinter(jobs: jobs.map { PrintedRun.live($0, models: refs.count) }, json: json)
        let recording = sessions.recordingStore(config: context.config, environment: context.environment).map {
            SessionRecording(store: $0, prompts: prompts, models: refs, refractVersion: RefractVersion.string)
        }
        defer {
            if let file = recording?.close() { Stderr.line("refract: saved to \(SessionRecording.displayPath(file))") }
        }
        let interrupted = InterruptFlag()
        let ok = await withTaskGroup(of: Bool?.self) { group in
            for (index, job) in jobs.enumerated() {
                // Started here, in order, so run numbers follow the order of the options.
                let saving = recording?.beginRun(
                    prompt: job.prompt, model: job.ref, protocolName: job.protocolName, parameters: job.request.parameters,
                    mode: job.request.mode, variant: job.instruction.map { "instruction \($0)" }
                )
                group.addTask {
                    await job.execute(model: context.registry.languageModel(for: job.ref), index: index, printer: printer, recording: saving)
                }
            }
            // Ctrl-C stops the streams; what arrived is kept and reported as cancelled.
            group.addTask {
                await interrupted.wait()
                return nil
            }
            var all = true
            var finished = 0
            for await result in group {
                guard let result else {
                    if interrupted.fired { group.cancelAll() }
                    continue
                }
                all = all && result
                finished += 1
                if finished == jobs.count { group.cancelAll() }
            }
            return all
        }
        return ok && !interrupted.fired
    }
}

/// One model's run in `refract run`.
struct RunJob: Sendable {
    let ref: ModelRef
    let request: ModelRequest
    let prompt: Prompt
    let protocolName: ProtocolName
    let price: Price?
    /// The instruction's number (1, 2, ...) when several were given.
    let instruction: Int?

    /// Streams into the printer (and the session file); returns whether the run succeeded.
    func execute(model: any LanguageModel, index: Int, printer: RunPrinter, recording: RunRecording?) async -> Bool {
        let chars = prompt.system.unicodeScalars.count + prompt.instruction.unicodeScalars.count + prompt.input.unicodeScalars.count
        var meter = RunMeter(startedAt: MonotonicClock.now(), price: price, protocolName: protocolName, promptCharacters: chars)
        for await part in model.stream(request) {
            meter.add(part, at: MonotonicClock.now())
            recording?.record(part)
            await printer.part(part, job: index)
        }
        let cancelled = Task.isCancelled && !meter.result.failed
        meter.end(at: MonotonicClock.now())
        recording?.end(meter: meter, cancelled: cancelled)
        await printer.finished(job: index, meter: meter, cancelled: cancelled)
        return !meter.result.failed && !cancelled
    }
}
