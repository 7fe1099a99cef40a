import ArgumentParser
import Foundation
import Sessions

/// `refract sessions delete FILE`: removes a session file (only a session, and not while another Refract writes it).
struct SessionsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a session file (refused for a file that is not a session, or one another Refract is writing)."
    )

    @Argument(help: ArgumentHelp("The session: a path, or a file name (or its start) in the sessions folder.", valueName: "file"))
    var file: String

    @OptionGroup var options: SessionCommandOptions

    func run() async throws {
        try await reportingErrors {
            let folder = try options.folder()
            let url = try folder.resolve(file)
            let scan: SessionScan
            do throws(SessionError) {
                // Only ever delete what is really a session: a mistyped path must not lose another file.
                scan = try folder.store.open(url)
                try folder.store.delete(url)
            } catch {
                throw CLIError(message: error.message)
            }
            let runs = scan.runs.count
            Stderr.line("refract: deleted \(url.lastPathComponent) (\"\(SessionText.oneLine(scan.summary.title))\", \(runs) run\(runs == 1 ? "" : "s"))")
        }
    }
}
