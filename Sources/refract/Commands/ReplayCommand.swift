import ArgumentParser
import Evaluation
import Foundation
import PromptFiles
import Providers
import Sessions

/// `refract replay`: a saved session's runs played back to stdout with their recorded timing.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a saved session's runs back to stdout, with their recorded timing.",
        discussion: """
            Prints each run as `refract run` printed it: the answer on stdout (made inert on a terminal, \
            byte-exact when piped), a labelled section per run when there are several, the figures of the \
            recording (tokens, time to first token, total, cost) on stderr. Runs play one after another. \
            A line the file could not keep (a crash cut it) is reported on stderr and the rest is replayed. \
            Exit status: 0 when the session was replayed (whatever its runs' outcomes), 1 when it cannot be \
            read or Ctrl-C stopped the replay.
            """
    )

    @Argument(help: ArgumentHelp("The session: a path, or a file name (or its start) in the sessions folder.", valueName: "file"))
    var file: String

    @Option(help: "Playback speed: 1 is the recorded timing, 2 twice as fast, 0 instant.")
    var speed: Double = 1

    @Option(name: .customLong("run"), help: ArgumentHelp("Replay only this run (numbered as `refract sessions show` lists them).", valueName: "n"))
    var runNumber: Int?

    @Flag(help: "Print one JSON object per stream part, then a summary object per run (each tagged with its run and model).")
    var json = false

    @OptionGroup var location: SessionFolderOption

    @Option(help: "The config file (for its sessions_dir).")
    var config: String?

    func validate() throws {
        guard speed.isFinite, speed >= 0 else { throw ValidationError("--speed must be 0 (instant) or more") }
    }

    func run() async throws {
        try await reportingErrors {
            let folder = try SessionFolder.load(location, configPath: config)
            let url = try folder.resolve(file)
            let log = try folder.read(url)
            let runs = try selectedRuns(log, file: url)
            guard !runs.isEmpty else { throw CLIError(message: "\(url.lastPathComponent) has no runs to replay") }
            for line in Self.attachmentNotes(runs) { Stderr.line("refract: \(line)") }
            let printed = runs.map { run in
                PrintedRun(
                    ref: run.model, title: "run \(run.run) · \(run.model)" + (run.started.variant.map { " · \($0)" } ?? ""),
                    jsonFields: "\"run\":\(run.run),\"model\":\(JSONText.quoted(run.model.description)),"
                )
            }
            let printer = RunPrinter(jobs: printed, json: json)
            let speed = ReplaySpeed(speed)
            let interrupted = InterruptFlag()
            let completed = await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    for (index, run) in runs.enumerated() {
                        await Self.replay(run, speed: speed, index: index, printer: printer)
                        if Task.isCancelled { return false }
                    }
                    return true
                }
                group.addTask {
                    await interrupted.wait()
                    return false
                }
                let first = await group.next() ?? false
                group.cancelAll()
                return first && !interrupted.fired
            }
            if !completed { throw ExitCode(1) }
            // A recorded evaluation ends with its matrix: every cell's result and each column's figures.
            if !json { Self.printEvaluations(runs) }
        }
    }

    /// The runs to replay: all, or the one `--run` names.
    func selectedRuns(_ log: SessionLog, file url: URL) throws -> [RecordedRun] {
        guard let runNumber else { return log.runs }
        guard let one = log.run(runNumber) else {
            let known = log.runs.isEmpty ? "it has no runs" : "its runs are \(log.runs.map { String($0.run) }.joined(separator: ", "))"
            throw CLIError(message: "\(url.lastPathComponent) has no run \(runNumber) (\(known))")
        }
        return [one]
    }

    /// For each run's attached files that changed since or are gone, one line (`run N: …`).
    static func attachmentNotes(_ runs: [RecordedRun]) -> [String] {
        runs.flatMap { run in
            AttachmentRecheck.reload(run.started.prompt.files).notes.map { "run \(run.run): \($0)" }
        }
    }

    /// Streams one saved run through the printer, with the recorded figures.
    static func replay(_ run: RecordedRun, speed: ReplaySpeed, index: Int, printer: RunPrinter) async {
        let model = ReplayModel(run: run, speed: speed)
        var meter = RunMeter(
            startedAt: 0, price: run.cost.map { price(from: $0.price) }, protocolName: run.started.protocolName.flatMap(ProtocolName.init(rawValue:)),
            promptCharacters: run.started.prompt.textCharacters
        )
        // The meter runs on the recorded clock, so the figures are the recording's whatever the speed.
        var position = 0
        let request = ModelRequest(model: run.model.model, messages: [])
        // A branch reads as one answer: the text it was branched with, then what the model went on with.
        if let prefix = run.started.branch?.prefix { await printer.part(.textDelta(prefix), job: index) }
        for await part in model.stream(request) {
            let ms = position < model.timeline.count ? model.timeline[position].ms : (run.totalMs ?? 0)
            position += 1
            meter.add(part, at: Double(ms) / 1000)
            await printer.part(part, job: index)
        }
        let cancelled = Task.isCancelled
        meter.end(at: Double(run.totalMs ?? model.timeline.last?.ms ?? 0) / 1000)
        await printer.finished(job: index, meter: meter, cancelled: cancelled && !meter.result.failed)
    }

    /// The table `refract eval` printed, for each evaluation group among the replayed runs (on stderr, with the figures).
    static func printEvaluations(_ runs: [RecordedRun]) {
        var order: [Int] = []
        var byGroup: [Int: [RecordedRun]] = [:]
        for run in runs {
            guard let group = run.started.group else { continue }
            if byGroup[group] == nil { order.append(group) }
            byGroup[group, default: []].append(run)
        }
        for group in order {
            guard let recorded = RecordedEvaluation(runs: byGroup[group] ?? []) else { continue }
            let summary = EvalSummary(results: recorded.results, columns: recorded.plan.columns)
            Stderr.line("\nevaluation \(group): \(recorded.plan.cases.count) cases × \(recorded.plan.columns.count) columns")
            Stderr.line(TextReport.table(recorded.results, summary: summary).trimmingCharacters(in: .newlines))
        }
    }

    /// The price a cost was computed with, back in the form the meter uses.
    static func price(from record: PriceRecord) -> Price {
        Price(
            input: record.input ?? 0, output: record.output ?? 0, cacheRead: record.cacheRead, cacheWrite: record.cacheWrite,
            source: record.source, checked: record.checked
        )
    }
}
