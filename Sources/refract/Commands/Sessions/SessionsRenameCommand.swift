import ArgumentParser
import Foundation
import Sessions

/// `refract sessions rename FILE TITLE`: a new title, appended as a `renamed` event (the file name stays).
struct SessionsRenameCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Give a session a new title (recorded in the file; the file name does not change)."
    )

    @Argument(help: ArgumentHelp("The session: a path, or a file name (or its start) in the sessions folder.", valueName: "file"))
    var file: String

    @Argument(help: "The new title.")
    var title: String

    @OptionGroup var options: SessionCommandOptions

    func validate() throws {
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the title cannot be empty") }
    }

    func run() async throws {
        try await reportingErrors {
            let folder = try options.folder()
            let url = try folder.resolve(file)
            do throws(SessionError) { try folder.store.rename(url, to: title) } catch {
                throw CLIError(message: error.message)
            }
            Stderr.line("refract: renamed \(url.lastPathComponent) to \"\(SessionText.oneLine(title))\"")
        }
    }
}
