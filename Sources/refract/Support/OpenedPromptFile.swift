import Foundation
import Platform
import PromptFiles
import Providers
import Workbench

/// The prompt file the workbench opens: the one named, created when missing, or the scratch workspace;
/// read and locked before the terminal is taken, so a bad file is one clear line in the shell.
struct OpenedPromptFile {
    var url: URL
    var isScratch: Bool
    var document: PromptDocument
    var text: String
    var signature: FileSignature?
    var lock: PromptFileLock?
    var readOnlyReason: String?
    /// Warnings to show in the status bar (typo'd keys, read-only).
    var notices: [String]

    static func open(_ path: String?, environment: [String: String], startingModel: ModelRef) throws -> OpenedPromptFile {
        guard let path else { return try scratch(environment: environment, startingModel: startingModel) }
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL
        return try open(url, isScratch: false, environment: environment, startingModel: startingModel)
    }

    static func scratchURL(environment: [String: String]) -> URL {
        XDGDirectories(environment: environment).refractState.appendingPathComponent("scratch.refract.toml")
    }

    /// The scratch workspace; one that cannot be read is set aside (never overwritten) and a fresh one started.
    static func scratch(environment: [String: String], startingModel: ModelRef) throws -> OpenedPromptFile {
        let url = scratchURL(environment: environment)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        do {
            return try open(url, isScratch: true, environment: environment, startingModel: startingModel)
        } catch let error as CLIError where FileManager.default.fileExists(atPath: url.path) {
            let aside = url.deletingLastPathComponent().appendingPathComponent("scratch.unreadable-\(Int(Date().timeIntervalSince1970)).refract.toml")
            try? FileManager.default.moveItem(at: url, to: aside)
            var fresh = try open(url, isScratch: true, environment: environment, startingModel: startingModel)
            fresh.notices.insert("the scratch workspace could not be read (\(error.message)); it was moved to \(aside.path) and a fresh one started", at: 0)
            return fresh
        }
    }

    static func open(_ url: URL, isScratch: Bool, environment: [String: String], startingModel: ModelRef) throws -> OpenedPromptFile {
        var notices: [String] = []
        if !FileManager.default.fileExists(atPath: url.path) {
            if let reason = PromptFileStore.readOnlyReason(url) {
                throw CLIError(message: "\(url.path): cannot create it: \(reason)", exitCode: 2)
            }
            var doc = PromptDocument()
            doc.models = [startingModel.description]
            if isScratch { doc.workbench = WorkbenchPlace(focus: PaneID.input.rawValue, variant: 0) }
            do { try PromptFileStore.save(PromptFileWriter.text(of: doc), to: url) } catch {
                throw CLIError(message: error.description, exitCode: 2)
            }
            if !isScratch { notices.append("new prompt file \(url.lastPathComponent): it saves itself as you type") }
        }
        let loaded: LoadedPromptFile
        do { loaded = try PromptFileStore.load(url) } catch { throw CLIError(message: error.description, exitCode: 2) }
        notices += loaded.warnings
        var readOnly = loaded.readOnlyReason
        var lock: PromptFileLock?
        if readOnly == nil {
            switch PromptFileLock.acquire(for: url, environment: environment) {
            case .acquired(let l): lock = l
            case .held(let pid): readOnly = "it is open in another Refract" + (pid.map { " (pid \($0))" } ?? "")
            case .unavailable: break
            }
        }
        if let readOnly { notices.insert("\(url.lastPathComponent) opened read-only: \(readOnly); edits are not saved (Alt-S saves a copy)", at: 0) }
        return OpenedPromptFile(
            url: url, isScratch: isScratch, document: loaded.document, text: loaded.text, signature: loaded.signature, lock: lock,
            readOnlyReason: readOnly, notices: notices
        )
    }
}
