import ArgumentParser
import Foundation
import PromptFiles
import Sessions
import Workbench

/// What `sessions export --format` accepts: the session exporters' formats, and a prompt file.
enum SessionsExportFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, json, prompt
}

/// `refract sessions export FILE --format markdown|json|prompt`: the session for people, for programs,
/// or as a prompt file that runs it again, on stdout.
struct SessionsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a session as Markdown (for people), one JSON object (for programs), or a prompt file (to run it again) to stdout.",
        discussion: """
            --format prompt writes a .refract.toml prompt file that reproduces a run: its system prompt, \
            instruction (as a variant named after the run's variant), input, variables, few-shot examples, \
            model, parameters and mode. When the run belongs to a comparison, the whole comparison is written: \
            every instruction as a variant and every model in `models`. Without --run, the session's last run.
            """
    )

    @Argument(help: ArgumentHelp("The session: a path, or a file name (or its start) in the sessions folder.", valueName: "file"))
    var file: String

    @Option(help: "markdown, json or prompt.")
    var format: SessionsExportFormat = .markdown

    @Option(name: .customLong("run"), help: ArgumentHelp("With --format prompt: the run to export (its whole comparison when it is part of one).", valueName: "n"))
    var runNumber: Int?

    @OptionGroup var options: SessionCommandOptions

    func run() async throws {
        try await reportingErrors {
            if runNumber != nil && format != .prompt {
                throw CLIError(message: "--run goes with --format prompt (markdown and json export the whole session)", exitCode: 2)
            }
            let folder = try options.folder()
            let url = try folder.resolve(file)
            let log = try folder.read(url)
            let text: String
            switch format {
            case .prompt:
                guard let runs = log.runsForPromptExport(run: runNumber) else {
                    let which = runNumber.map { "no run \($0)" } ?? "no runs"
                    let numbers = log.runs.map { String($0.run) }.joined(separator: ", ")
                    throw CLIError(message: "\(url.lastPathComponent) has \(which)" + (numbers.isEmpty ? "" : " (it has runs \(numbers))"), exitCode: 2)
                }
                text = PromptFileWriter.text(of: PromptDocument(runs: runs, title: log.title))
            case .markdown, .json:
                do { text = try SessionExporter.export(log, as: format == .json ? .json : .markdown) } catch {
                    throw CLIError(message: "cannot export \(url.lastPathComponent): \(error)")
                }
            }
            Stdout.write(text)
        }
    }
}
