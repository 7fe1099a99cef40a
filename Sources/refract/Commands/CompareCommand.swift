import ArgumentParser
import Foundation
import Providers
import Sessions
import Workbench

/// `refract compare`: instructions × models, run concurrently, as a Markdown table or a JSON object.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run one input through several instructions and/or several models at once, and compare.",
        discussion: """
            Every --instruction runs on every --model, concurrently (at most `concurrency` runs per provider, \
            from the config). The grid is recorded in the session as one comparison group. The result is a \
            Markdown table (default) or, with --format json, one object: \
            {"results":[{"instruction","model","text","usage","cost_usd","ttft_ms","total_ms","error"}, …]}. \
            Exit status is 0 only when every cell succeeded; failed cells are still reported. \
            With --labels (classification prompts; the local models), nothing is sampled: each cell scores the \
            prompt file's `labels` (or the --label values) as the start of the answer and prints their \
            distribution; --format json gives {"cells":[{"variant","model","labels":[{"label","scored","tokens",\
            "logprob","share","exact"}],"top","error"}]}.
            """
    )

    @Argument(help: ArgumentHelp("A prompt file (NAME.refract.toml): its variants × its models, unless options say otherwise.", valueName: "file"))
    var file: String?

    @Option(name: .customLong("variant"), help: "Only this instruction variant of the prompt file (repeatable).")
    var variants: [String] = []

    @OptionGroup var promptOptions: PromptOptions
    @OptionGroup var generation: GenerationOptions

    @Option(name: .customLong("model"), help: "provider:model (repeatable).")
    var models: [String] = []

    @Option(help: "markdown (a table) or json.")
    var format: OutputFormat = .markdown

    @Flag(help: "Label mode: score each label instead of sampling an answer (local models).")
    var labels = false

    @Option(name: .customLong("label"), help: "A label to score (repeatable; default: the prompt file's labels). Implies --labels.")
    var labelValues: [String] = []

    @Option(help: "The config file.")
    var config: String?

    @OptionGroup var sessions: SessionOptions

    /// How the results are printed.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case markdown, json }

    func run() async throws {
        try await reportingErrors {
            let context = try AppContext.load(configPath: config, readTimeout: generation.readTimeout)
            context.printWarnings()
            let ok: Bool
            do { ok = try await compare(context) } catch {
                await context.shutdown()
                throw error
            }
            await context.shutdown()
            if !ok { throw ExitCode(1) }
        }
    }

    func compare(_ context: AppContext) async throws -> Bool {
        let plan = try PromptPlan.make(file: file, variants: variants, options: promptOptions, generation: generation, models: models, context: context)
        if labels || !labelValues.isEmpty {
            let chosen = labelValues.isEmpty ? plan.labels : labelValues
            guard !chosen.isEmpty else {
                throw CLIError(message: "label mode needs labels: labels = [\"positive\", \"negative\"] in the prompt file, or --label NAME", exitCode: 2)
            }
            let cells = await LabelComparison(plan: plan, labels: chosen).run(context: context)
            Stdout.write(format == .json ? LabelComparison.json(cells) : LabelComparison.markdown(cells, labels: chosen))
            return cells.allSatisfy { $0.error == nil }
        }
        let batch = try RunBatch(plan: plan, context: context)
        if Stderr.isTerminal { Stderr.line("refract: comparing \(plan.prompts.count) instruction(s) × \(plan.models.count) model(s) = \(batch.jobs.count) runs…") }
        let (results, interrupted) = await batch.run(context: context, sessions: sessions, printer: nil)
        let cells = zip(batch.jobs, results).map { job, result in ComparisonCell(job: job, meter: result.0, cancelled: result.1) }
        let out = format == .json ? ComparisonReport.json(cells) : ComparisonReport.markdown(cells)
        Stdout.write(out)
        return !interrupted && cells.allSatisfy(\.succeeded)
    }
}

/// One finished cell of a comparison.
struct ComparisonCell {
    let job: RunJob
    let meter: RunMeter
    let cancelled: Bool

    var succeeded: Bool { !meter.result.failed && !cancelled }
    var ttftMs: Int? { meter.timeToFirstToken.map { Int(($0 * 1000).rounded()) } }
    var totalMs: Int? { meter.endedAt.map { Int((($0 - meter.startedAt) * 1000).rounded()) } }
    var error: ProviderError? {
        meter.result.error ?? (cancelled ? ProviderError(kind: .cancelled, message: "stopped before it finished") : nil)
    }
    /// The answer checked against the prompt's schema, for a finished run of a prompt with one.
    var schemaVerdict: SchemaVerdict? {
        guard succeeded, let schema = job.prompt.schema else { return nil }
        return SchemaVerdict.check(meter.result.text, against: schema.schema)
    }
}

/// The comparison printed: a Markdown table or the JSON object `refract compare --format json` promises.
enum ComparisonReport {
    /// One row of the JSON report; absent figures are `null`, never left out.
    struct Row: Encodable {
        struct Failure: Encodable {
            var kind: String
            var message: String
        }

        var instruction: String
        var variant: String?
        var model: String
        var text: String
        var usage: Usage
        var costUSD: Double?
        var ttftMs: Int?
        var totalMs: Int?
        var error: Failure?
        /// Only for a prompt with a schema, so other reports keep their bytes.
        var schema: SchemaVerdict?

        enum CodingKeys: String, CodingKey {
            case instruction, variant, model, text, usage, costUSD = "cost_usd", ttftMs = "ttft_ms", totalMs = "total_ms", error, schema
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(instruction, forKey: .instruction)
            try c.encodeIfPresent(variant, forKey: .variant)
            try c.encode(model, forKey: .model)
            try c.encode(text, forKey: .text)
            try c.encode(usage, forKey: .usage)
            try c.encode(costUSD, forKey: .costUSD)
            try c.encode(ttftMs, forKey: .ttftMs)
            try c.encode(totalMs, forKey: .totalMs)
            try c.encode(error, forKey: .error)
            try c.encodeIfPresent(schema, forKey: .schema)
        }
    }

    static func json(_ cells: [ComparisonCell]) -> String {
        let rows = cells.map { c in
            Row(instruction: c.job.prompt.instruction, variant: c.job.variantName, model: c.job.ref.description, text: c.meter.result.text,
                usage: c.meter.result.usage ?? Usage(), costUSD: c.meter.result.usage == nil ? nil : c.meter.cost,
                ttftMs: c.ttftMs, totalMs: c.totalMs, error: c.error.map { Row.Failure(kind: $0.kind.rawValue, message: $0.description) },
                schema: c.schemaVerdict)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(["results": rows])) ?? Data(#"{"results":[]}"#.utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func markdown(_ cells: [ComparisonCell]) -> String {
        func cell(_ text: String) -> String {
            text.trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
        }
        // A Schema column only when some prompt has a schema: `valid`, or the first violation.
        let schemaColumn = cells.contains { $0.job.prompt.schema != nil }
        var out = "| Instruction | Model | Answer | Out tokens | TTFT | Total | Cost |" + (schemaColumn ? " Schema |" : "") + "\n|---|---|---|---:|---:|---:|---:|"
            + (schemaColumn ? "---|" : "") + "\n"
        for c in cells {
            let answer = c.error.map { "**\($0.kind.rawValue):** \(cell($0.description))" + (c.meter.result.text.isEmpty ? "" : "<br>" + cell(c.meter.result.text)) }
                ?? cell(c.meter.result.text)
            let tokens = c.meter.outputTokens
            let cost = c.meter.cost.map(MeterFormat.usd) ?? "unpriced"
            out += "| \(cell(c.job.prompt.instruction)) | \(c.job.ref) | \(answer) | \(tokens.count)\(tokens.exact ? "" : "~") | "
                + "\(c.ttftMs.map { "\($0) ms" } ?? "–") | \(c.totalMs.map { "\($0) ms" } ?? "–") | \(cost) |"
                + (schemaColumn ? " \(cell(c.schemaVerdict?.summary ?? "–")) |" : "") + "\n"
        }
        return out
    }
}
