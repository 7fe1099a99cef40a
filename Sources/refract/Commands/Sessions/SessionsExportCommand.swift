import ArgumentParser
import Foundation
import Sessions

extension SessionExporter.Format: ExpressibleByArgument {}

/// `refract sessions export FILE --format markdown|json`: the session for people or for programs, on stdout.
struct SessionsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a session as Markdown (for people) or one JSON object (for programs) to stdout."
    )

    @Argument(help: ArgumentHelp("The session: a path, or a file name (or its start) in the sessions folder.", valueName: "file"))
    var file: String

    @Option(help: "markdown or json.")
    var format: SessionExporter.Format = .markdown

    @OptionGroup var options: SessionCommandOptions

    func run() async throws {
        try await reportingErrors {
            let folder = try options.folder()
            let url = try folder.resolve(file)
            let log = try folder.read(url)
            let text: String
            do { text = try SessionExporter.export(log, as: format) } catch {
                throw CLIError(message: "cannot export \(url.lastPathComponent): \(error)")
            }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
