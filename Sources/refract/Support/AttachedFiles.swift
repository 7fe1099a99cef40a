import Foundation
import PromptFiles
import Providers

/// The files a command attaches: the prompt file's `[[attachments]]` (relative to its folder), then
/// `--attach` (relative to the working folder). A problem is one line and exit code 2, before anything is sent.
enum AttachedFiles {
    static func load(file entries: [String], options: [String], fileFolder: URL?) throws -> [ContextFile] {
        guard !entries.isEmpty || !options.isEmpty else { return [] }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let all = entries.map { AttachmentLoader.Entry(path: $0, base: fileFolder ?? cwd) } + options.map { AttachmentLoader.Entry(path: $0, base: cwd) }
        do { return try AttachmentLoader.load(all) } catch { throw CLIError(message: error.message, exitCode: 2) }
    }
}
