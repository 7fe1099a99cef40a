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

    /// The comparison group the runs belong to, when there are several (instructions × models).
    let group: Int?
    /// Saves the coalesced text of every live run every 50 ms.
    let ticker = RecordingTicker()

    /// Opens a new session in `store` titled after the prompt; a failure is the one warning. With several
    /// runs, a `group_started` event records the grid (instructions × models) the runs belong to.
    /// An evaluation passes its own `kind`, its variants' names and its case names, and is a group even when it has one cell.
    init(
        store: SessionStore, prompts: [Prompt], models: [ModelRef], refractVersion: String, kind: GroupKind? = nil, labels: [String]? = nil,
        cases: [String]? = nil
    ) {
        warned = Mutex(false)
        do {
            writer = try store.create(title: SessionTitle.make(for: prompts), refractVersion: refractVersion)
        } catch {
            writer = nil
            group = nil
            warn(error)
            return
        }
        guard let writer, prompts.count * models.count > 1 || kind != nil else {
            group = nil
            return
        }
        let kind: GroupKind = kind ?? (prompts.count > 1 ? (models.count > 1 ? .grid : .instructions) : .models)
        let number = writer.allocateGroup()
        group = number
        do throws(SessionError) {
            try writer.append(.groupStarted(GroupStarted(
                group: number, at: Date(), kind: kind, instructions: labels ?? prompts.map(\.instruction), models: models, cases: cases
            )))
        } catch {
            warn(error)
        }
    }

    /// Starts recording one run (`run_started` with the prompt snapshot); nil when nothing can be saved.
    func beginRun(
        prompt: Prompt, model: ModelRef, protocolName: ProtocolName, parameters: GenerationParameters, mode: RequestMode, variant: String? = nil,
        label: String? = nil, request: ModelRequest? = nil
    ) -> RunRecording? {
        guard let writer else { return nil }
        let snapshot: PromptSnapshot = prompt  // examples and their raw format included, so replays and re-runs are exact
        let recorder = writer.beginRun(
            prompt: snapshot, model: model, protocolName: protocolName.rawValue, params: parameters, mode: mode, group: group, label: label, variant: variant,
            tools: request.map(RecordedTool.of) ?? [], toolChoice: request.flatMap(RecordedTool.choice)
        )
        if let error = recorder.writeError { warn(error) }
        return RunRecording(recorder: recorder, session: self)
    }

    /// Appends events about finished runs (an evaluation's check results); a failure is the one warning.
    func append(_ events: [SessionEvent]) {
        guard let writer else { return }
        for event in events {
            do throws(SessionError) { try writer.append(event) } catch {
                warn(error)
                return
            }
        }
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
