import Foundation
import Providers
import Sessions
import Synchronization

/// The session file of one `refract run` invocation: opened once, one recorded run per model.
///
/// Saving never stops a run: when the folder cannot be written (read-only, full, no permission) one
/// warning goes to stderr, the runs go on streaming, and the exit status is unaffected.
final class SessionRecording: Sendable {
    /// Nil when the file could not be created (the warning has been shown).
    let writer: SessionWriter?
    private let warned: Mutex<Bool>

    /// Opens a new session in `store` titled after the prompt; a failure is the one warning.
    init(store: SessionStore, prompt: Prompt, refractVersion: String) {
        warned = Mutex(false)
        do {
            writer = try store.create(title: Self.title(for: prompt), refractVersion: refractVersion)
        } catch {
            writer = nil
            warn(error)
        }
    }

    /// The first non-empty line of the instruction (else of the input, else of the system prompt), trimmed to ~60 characters.
    static func title(for prompt: Prompt, limit: Int = 60) -> String {
        for text in [prompt.instruction, prompt.input, prompt.system] {
            guard let line = text.split(whereSeparator: \.isNewline).lazy
                .map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty }) else { continue }
            return line.count <= limit ? line : String(line.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
        }
        return "Untitled"
    }

    /// Starts recording one run (`run_started` with the prompt snapshot); nil when nothing can be saved.
    func beginRun(prompt: Prompt, model: ModelRef, protocolName: ProtocolName, parameters: GenerationParameters, mode: RequestMode) -> RunRecording? {
        guard let writer else { return nil }
        let snapshot = PromptSnapshot(system: prompt.system, instruction: prompt.instruction, input: prompt.input, variables: prompt.variables)
        let recorder = writer.beginRun(prompt: snapshot, model: model, protocolName: protocolName.rawValue, params: parameters, mode: mode)
        if let error = recorder.writeError { warn(error) }
        return RunRecording(recorder: recorder, session: self)
    }

    /// Shows the "not saved" warning the first time saving fails; later failures are silent.
    func warn(_ error: SessionError) {
        let first = warned.withLock { w in
            defer { w = true }
            return !w
        }
        if first { Stderr.line("refract: warning: not saved: \(error.message) (use --sessions DIR)") }
    }

    /// True once a save failed (the file, if any, is incomplete).
    var hadFailure: Bool { warned.withLock { $0 } }

    /// Closes the file; returns the path to report, or nil when nothing (or not everything) was saved.
    func close() -> URL? {
        guard let writer else { return nil }
        writer.close()
        return hadFailure ? nil : writer.file
    }

    /// The path as a user would type it: relative when it is under the current directory.
    static func displayPath(_ url: URL, currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let path = url.standardizedFileURL.path
        let base = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
