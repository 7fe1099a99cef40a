import ArgumentParser
import Foundation
import Providers
import Sessions

/// `refract sessions show FILE`: the session's header, then one line per run.
struct SessionsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a session: title, file, date, then one line per run (model, outcome, tokens, ttft, total, cost, first line of the answer)."
    )

    @Argument(help: ArgumentHelp("The session: a path, or a file name (or its start) in the sessions folder.", valueName: "file"))
    var file: String

    @OptionGroup var options: SessionCommandOptions

    func run() async throws {
        try await reportingErrors {
            let folder = try options.folder()
            let url = try folder.resolve(file)
            let log = try folder.read(url)
            Stdout.write(Data(Self.render(log, path: SessionRecording.displayPath(url)).utf8))
        }
    }

    static func render(_ log: SessionLog, path: String) -> String {
        let unpriced = log.runs.filter { $0.cost == nil }.count
        var out = SessionText.oneLine(log.title.isEmpty ? "Untitled" : log.title) + "\n"
        out += "file     \(path)\n"
        out += "created  \(SessionText.date(log.header.created))" + (log.header.refractVersion.isEmpty ? "" : " by Refract \(SessionText.oneLine(log.header.refractVersion))") + "\n"
        out += "runs     \(log.runs.count)"
        if !log.models.isEmpty { out += " on " + SessionText.oneLine(log.models.map(\.description).joined(separator: ", ")) }
        out += " · total \(SessionText.total(log.totalCostUSD, runs: log.runs.count, unpriced: unpriced))\n"
        guard !log.runs.isEmpty else { return out }
        let header = ["#", "MODEL", "OUTCOME", "IN", "OUT", "TTFT", "TOTAL", "COST", "ANSWER"]
        let rows = log.runs.map { run in
            [
                "\(run.run)", SessionText.oneLine(run.model.description + (run.started.variant.map { " · \($0)" } ?? "")), outcome(run),
                run.usage?.input.map(String.init) ?? "–", run.usage?.output.map(String.init) ?? "–",
                SessionText.seconds(run.ttftMs), SessionText.seconds(run.totalMs),
                run.cost.map { ExportFormatting.usd($0.usd) } ?? "unpriced",
                SessionText.firstLine(run.answerText),
            ]
        }
        return out + "\n" + SessionText.table([header] + rows, caps: [4, 48, 24, 7, 7, 8, 9, 10, 60], rightAligned: [0, 3, 4, 5, 6, 7])
    }

    /// `finished stop`, `failed rate_limited`, `cancelled`, `incomplete`.
    static func outcome(_ run: RecordedRun) -> String {
        switch run.outcome {
        case .finished(let f): "finished \(f.finish.rawValue)"
        case .failed(let f) where f.error.kind == .cancelled: "cancelled"
        case .failed(let f): "failed \(f.error.kind.rawValue)"
        case .incomplete: "incomplete"
        }
    }
}
