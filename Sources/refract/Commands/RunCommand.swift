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

    @Argument(help: ArgumentHelp("A prompt file (NAME.refract.toml): its variants × its models, unless options say otherwise.", valueName: "file"))
    var file: String?

    @Option(name: .customLong("variant"), help: "Only this instruction variant of the prompt file (repeatable).")
    var variants: [String] = []

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
        let plan = try PromptPlan.make(file: file, variants: variants, options: promptOptions, generation: generation, models: models, context: context)
        let batch = try RunBatch(plan: plan, context: context)
        let printer = RunPrinter(jobs: batch.jobs.map { PrintedRun.live($0, models: plan.models.count) }, json: json)
        let (results, interrupted) = await batch.run(context: context, sessions: sessions, printer: printer)
        return !interrupted && results.allSatisfy { !$0.0.result.failed && !$0.1 }
    }
}
