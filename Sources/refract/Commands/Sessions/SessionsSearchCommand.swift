import ArgumentParser
import Foundation
import Sessions

/// `refract sessions search TEXT`: runs whose prompt or answer contains the text.
struct SessionsSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find runs whose prompt or answer contains TEXT (case-insensitive). Exit status 1 when nothing matches."
    )

    @Argument(help: "The text to look for.")
    var text: String

    @Option(help: "Show at most this many matches.")
    var limit: Int = 200

    @OptionGroup var options: SessionCommandOptions

    func validate() throws {
        if text.isEmpty { throw ValidationError("give some text to search for") }
        if limit <= 0 { throw ValidationError("--limit must be above 0") }
    }

    func run() async throws {
        try await reportingErrors {
            let folder = try options.folder()
            let hits = folder.store.search(text, limit: limit)
            guard !hits.isEmpty else {
                Stderr.line("refract: no run in \(folder.store.folder.path) mentions \"\(SessionText.oneLine(text))\"")
                throw ExitCode(1)
            }
            let rows = hits.map { hit in
                [hit.file.lastPathComponent, "run \(hit.run)", hit.field.rawValue, SessionText.oneLine(hit.snippet)]
            }
            Stdout.write(SessionText.table(rows, caps: [40, 8, 11, 100]))
            if hits.count == limit { Stderr.line("refract: showing the first \(limit) matches (--limit)") }
        }
    }
}
