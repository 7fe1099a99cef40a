import ArgumentParser
import Foundation
import Sessions

/// `refract sessions list`: every session in the folder, newest first.
struct SessionsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the sessions in the folder, newest first: title, created, runs, models, total cost, file."
    )

    @OptionGroup var options: SessionCommandOptions

    @Flag(help: "One JSON object per session instead of the table.")
    var json = false

    func run() async throws {
        try await reportingErrors {
            let folder = try options.folder()
            let (sessions, problems) = folder.store.list()
            for problem in problems { Stderr.line("refract: warning: skipped \((problem.path as NSString).lastPathComponent): \(problem.message)") }
            if json {
                let lines = sessions.map(Self.jsonLine).joined()
                Stdout.write(lines)
                return
            }
            guard !sessions.isEmpty else {
                Stderr.line("refract: no sessions in \(folder.store.folder.path) (\(folder.origin))")
                return
            }
            Stderr.line("refract: \(sessions.count) session\(sessions.count == 1 ? "" : "s") in \(folder.store.folder.path) (\(folder.origin))")
            Stdout.write(Self.table(sessions))
        }
    }

    /// The table, one row per session under a header row.
    static func table(_ sessions: [SessionSummary]) -> String {
        let header = ["TITLE", "CREATED", "RUNS", "MODELS", "COST", "FILE"]
        let rows = sessions.map { s in
            [
                SessionText.oneLine(s.title.isEmpty ? "Untitled" : s.title),
                SessionText.date(s.created),
                "\(s.runCount)" + (s.failedRuns > 0 ? " (\(s.failedRuns) failed)" : ""),
                SessionText.oneLine(s.models.map(\.description).joined(separator: ", ")),
                SessionText.total(s.totalCostUSD, runs: s.runCount, unpriced: s.unpricedRuns),
                s.file.lastPathComponent,
            ]
        }
        return SessionText.table([header] + rows, caps: [40, 16, 14, 40, 12, 60], rightAligned: [2, 4])
    }

    static func jsonLine(_ s: SessionSummary) -> String {
        let models = s.models.map { JSONText.quoted($0.description) }.joined(separator: ",")
        return "{\"file\":\(JSONText.quoted(s.file.path)),\"id\":\(JSONText.quoted(s.id)),\"title\":\(JSONText.quoted(s.title)),"
            + "\"created\":\(JSONText.quoted(SessionTimestamp.format(s.created))),\"runs\":\(s.runCount),\"failed_runs\":\(s.failedRuns),"
            + "\"models\":[\(models)],\"total_cost_usd\":\(s.totalCostUSD),\"unpriced_runs\":\(s.unpricedRuns)}\n"
    }
}
