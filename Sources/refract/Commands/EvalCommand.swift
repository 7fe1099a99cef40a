import ArgumentParser
import Evaluation
import Foundation
import PromptFiles
import Providers
import Sessions

/// `refract eval FILE`: every case × instruction variant × model (× repeats) of a prompt file, graded
/// by its checks, as a table, Markdown, JSON or JUnit XML; the exit status tells CI whether it passed.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run a prompt file's test cases through its instructions and models, and check every answer.",
        discussion: """
            Cells (case × variant × model × repeat) run concurrently, at most `concurrency` per provider. Each answer is \
            graded by the file's [[checks]] and the case's own. The evaluation is recorded as one session group: every \
            cell a run, every check result an event after it. A cell whose prompt, model and parameters match a recorded \
            evaluation reuses that answer (marked cached) and is only graded again; --no-cache runs everything. \
            Exit status: 0 when the weighted share of passing checks is at least --fail-under (default 1: every check \
            passes) and every run succeeded; 1 otherwise; 2 for bad input; 3 when --max-cost would be exceeded (checked \
            before anything is sent, from an estimate). See docs/evaluations.md.
            """
    )

    @Argument(help: ArgumentHelp("The prompt file (NAME.refract.toml) with [[cases]] and [[checks]].", valueName: "file"))
    var file: String

    @Option(name: .customLong("variant"), help: "Only this instruction variant (repeatable).")
    var variants: [String] = []

    @Option(name: .customLong("model"), help: "provider:model instead of the file's models (repeatable).")
    var models: [String] = []

    @Option(name: .customLong("case"), help: "Only this case, by name (repeatable).")
    var cases: [String] = []

    @Option(name: .customLong("repeat"), help: "Samples per cell (overrides the file's repeat).")
    var repeats: Int?

    @Option(help: "table, markdown, json or junit.")
    var format: ReportFormat = .table

    @Option(name: .customLong("fail-under"), help: "Exit 1 when the weighted share of passing checks is below this (0…1; default 1).")
    var failUnder: Double = 1

    @Option(name: .customLong("max-cost"), help: "Refuse to start when the estimated cost (runs and judges) is above this many USD.")
    var maxCost: Double?

    @Flag(name: .customLong("no-cache"), help: "Run every cell, even when a recorded evaluation has its answer.")
    var noCache = false

    @Option(name: .customLong("baseline"), help: "A recorded evaluation (session file or name) to compare with: flipped cells, pass rate, cost, latency.")
    var baseline: String?

    @OptionGroup var promptOptions: PromptOptions
    @OptionGroup var generation: GenerationOptions

    @Option(help: "The config file.")
    var config: String?

    @OptionGroup var sessions: SessionOptions

    /// How the report is printed.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case table, markdown, json, junit }

    func validate() throws {
        guard (0...1).contains(failUnder) else { throw ValidationError("--fail-under takes a share from 0 to 1, e.g. 0.9") }
        if let repeats, repeats < 1 || repeats > 1000 { throw ValidationError("--repeat takes a whole number from 1 to 1000") }
        if let maxCost, maxCost < 0 { throw ValidationError("--max-cost takes an amount in USD ≥ 0") }
    }

    func run() async throws {
        try await reportingErrors {
            let context = try AppContext.load(configPath: config, readTimeout: generation.readTimeout)
            context.printWarnings()
            let ok: Bool
            do { ok = try await evaluate(context) } catch {
                await context.shutdown()
                throw error
            }
            await context.shutdown()
            if !ok { throw ExitCode(1) }
        }
    }

    func evaluate(_ context: AppContext) async throws -> Bool {
        let plan = try makePlan(context)
        var protocols: [String: ProtocolName] = [:]
        for ref in Set(plan.evalPlan.cells.map(\.model)) {
            do { protocols[ref.provider] = try context.registry.resolve(ref).protocolName } catch { throw CLIError(message: error.description) }
        }
        let store = sessions.location.store(config: context.config, environment: context.environment)
        // Read before this evaluation records anything, so a name prefix cannot pick the new session.
        let earlier = try baseline.map { name in
            let folder = SessionFolder(store: store)
            return try BaselineLoader.cells(of: try folder.read(try folder.resolve(name)), named: name)
        }
        let cache = noCache ? nil : EvalCache.load(store: store)
        let estimate = EvalEstimate(plan: plan.evalPlan, prices: context.prices, protocols: protocols, cache: cache)
        if let maxCost {
            if estimate.unpriced > 0 { Stderr.line("refract: warning: \(estimate.unpriced) call(s) are unpriced and not in the estimate") }
            if estimate.usd > maxCost {
                throw CLIError(
                    message: String(format: "the estimated cost $%.4f is over --max-cost $%.4f (%d cells, %d judge calls); nothing was sent", estimate.usd, maxCost, estimate.cells, estimate.judgeCalls),
                    exitCode: 3
                )
            }
        }
        let total = plan.evalPlan.cells.count
        Stderr.line("refract: evaluating \(plan.evalPlan.cases.count) case(s) × \(plan.evalPlan.columns.count) column(s)\(total > plan.evalPlan.cases.count * plan.evalPlan.columns.count ? " × repeats" : "") = \(total) cells"
            + (estimate.cachedCells > 0 ? ", \(estimate.cachedCells) cached" : "") + "…")
        let recording = sessions.recordingStore(config: context.config, environment: context.environment).map {
            SessionRecording(
                store: $0, prompts: plan.prompts.map(\.prompt), models: plan.models, refractVersion: RefractVersion.string, kind: .evaluation,
                labels: plan.prompts.enumerated().map { $0.element.name ?? "instruction \($0.offset + 1)" }, cases: plan.evalPlan.cases.map(\.name)
            )
        }
        let limiter = ConcurrencyLimiter(providers: context.registry.providers)
        let checks = JudgeResolver.checkRunner(registry: context.registry, prices: context.prices, limiter: limiter)
        let runner = EvalRunner(plan: plan.evalPlan, context: context, checks: checks, cache: cache, protocols: protocols, limiter: limiter)
        let (results, interrupted) = await runner.run(recording: recording, progress: EvalProgress(total: total))
        if let file = recording?.close() { Stderr.line("refract: saved to \(SessionRecording.displayPath(file))") }
        let summary = EvalSummary(results: results, columns: plan.evalPlan.columns)
        var comparison: BaselineComparison?
        if let baseline, let earlier {
            comparison = BaselineComparison(session: baseline, results: results, baseline: earlier, columns: plan.evalPlan.columns)
        }
        let out = switch format {
        case .table: TextReport.table(results, summary: summary) + (comparison?.text ?? "")
        case .markdown: TextReport.markdown(results, summary: summary) + (comparison?.text ?? "")
        case .json: JSONReport.render(results, summary: summary, baseline: comparison)
        case .junit: JUnitReport.render(results, summary: summary)
        }
        // JUnit has no place for it: the comparison goes to stderr.
        if format == .junit, let comparison { Stderr.line(comparison.text.trimmingCharacters(in: CharacterSet.newlines)) }
        FileHandle.standardOutput.write(Data(out.utf8))
        if summary.runFailures > 0 { Stderr.line("refract: \(summary.runFailures) run(s) failed") }
        if summary.checkPassRate < failUnder {
            Stderr.line(String(format: "refract: %.1f%% of checks passed, under --fail-under %.1f%%", summary.checkPassRate * 100, failUnder * 100))
        }
        return !interrupted && summary.runFailures == 0 && summary.checkPassRate >= failUnder
    }

    /// The prompt plan (`run`'s rules for variants, models, flags) and the evaluation plan over it.
    private func makePlan(_ context: AppContext) throws -> (prompts: [(name: String?, prompt: Prompt)], models: [ModelRef], evalPlan: EvalPlan) {
        let prompts = try PromptPlan.make(file: file, variants: variants, options: promptOptions, generation: generation, models: models, context: context)
        let url = URL(fileURLWithPath: file)
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw CLIError(message: "cannot read \(file)", exitCode: 2) }
        let spec: EvaluationSpec
        do { spec = try EvaluationSpecReader(file: file, folder: url.deletingLastPathComponent()).read(text) } catch {
            throw CLIError(message: error.description, exitCode: 2)
        }
        spec.warnings.forEach { Stderr.line("refract: warning: \($0)") }
        let registry = context.registry
        let allVariants = (try? PromptFileReader(file: file).read(text).document.instructions.map(\.name)) ?? []
        do {
            let evalPlan = try EvalPlan.make(
                prompts: prompts.prompts.enumerated().map { ($0.element.name ?? "instruction \($0.offset + 1)", $0.element.prompt) }, models: prompts.models,
                parameters: prompts.parameters, mode: { prompts.mode ?? registry.defaultMode(for: $0) }, spec: spec, caseNames: cases, repeats: repeats,
                allVariants: promptOptions.instructions.isEmpty ? allVariants : nil
            )
            return (prompts.prompts, prompts.models, evalPlan)
        } catch {
            throw CLIError(message: error.description, exitCode: 2)
        }
    }
}
