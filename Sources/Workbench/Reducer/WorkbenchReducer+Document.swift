import Foundation
import PromptFiles
import Providers
import TerminalUI

extension WorkbenchReducer {
    /// Seconds before a failed save is tried again.
    static let saveRetryDelay = 5.0

    /// Notes unsaved changes and starts an autosave when one is due. Runs after every action but stream parts.
    func trackDocument(_ state: inout WorkbenchState) -> [Effect] {
        guard let url = state.document.url else { return [] }
        // Nothing will be written until the user acts (read-only, or a conflict to decide): no clock runs.
        guard state.document.readOnlyReason == nil, state.document.conflict == nil else {
            state.document.changedSince = nil
            return []
        }
        let fingerprint = state.contentFingerprint
        let unsaved = fingerprint != state.document.savedFingerprint
            && !(state.document.savingText != nil && fingerprint == state.document.savingFingerprint)
        if unsaved, state.document.changedSince == nil { state.document.changedSince = state.now }
        if !unsaved, state.document.savingText == nil { state.document.changedSince = nil }
        guard let since = state.document.changedSince, state.now - since >= autosaveDelay, state.document.savingText == nil else { return [] }
        return [save(to: url, fingerprint: fingerprint, &state)]
    }

    /// The save effect for the state as it is, marking it in flight.
    func save(to url: URL, fingerprint: Int, _ state: inout WorkbenchState) -> Effect {
        let text = PromptFileWriter.text(of: state.promptDocument)
        state.document.savingText = text
        state.document.savingFingerprint = fingerprint
        state.document.changedSince = nil
        return .saveDocument(text: text, to: url, fingerprint: fingerprint)
    }

    /// Whether there are changes not yet on disk.
    func hasUnsavedChanges(_ state: WorkbenchState) -> Bool {
        state.document.url != nil && (state.contentFingerprint != state.document.savedFingerprint || state.document.savingText != nil)
    }

    func applyDocumentAction(_ action: Action, _ state: inout WorkbenchState) -> [Effect] {
        switch action {
        case .documentSaved(let text, let fingerprint):
            state.document.savedText = text
            state.document.savedFingerprint = fingerprint
            state.document.savingText = nil
            if state.document.saveError != nil {
                state.document.saveError = nil
                state.persistentWarning = nil
                state.notice = Notice("saved \(state.document.displayName ?? "")", level: .success, expiresAt: state.now + 3)
            }
        case .documentMoved(let url, let text, let fingerprint):
            state.document.url = url
            state.document.isScratch = false
            state.document.readOnlyReason = nil
            state.document.savedText = text
            state.document.savedFingerprint = fingerprint
            state.document.savingText = nil
            state.document.conflict = nil
            state.notice = Notice("saved as \(url.path); editing it from now on", level: .success, expiresAt: state.now + 5)
        case .documentSaveFailed(let message):
            state.document.savingText = nil
            state.document.saveError = message
            // Try again a little later; the text stays in memory meanwhile.
            state.document.changedSince = state.now - autosaveDelay + Self.saveRetryDelay
            state.persistentWarning = message
            state.notice = Notice(message, level: .error, expiresAt: state.now + 8)
        case .documentChangedOnDisk(let disk):
            if disk.text == state.document.savedText || disk.text == state.document.savingText { return [] }
            if hasUnsavedChanges(state) {
                state.document.conflict = disk
                state.overlay = .conflict
                return []
            }
            reload(disk, &state)
            state.notice = Notice("reloaded \(state.document.displayName ?? "the prompt file"): it changed on disk", level: .info, expiresAt: state.now + 5)
        case .promptFileCreated(let url, let disk):
            state.overlay = nil
            state.document.url = url
            state.document.isScratch = false
            state.document.readOnlyReason = nil
            state.document.savingText = nil
            state.document.saveError = nil
            reload(disk, &state)
            state.focus = .instruction
            state.notice = Notice("wrote \(url.path) from the saved runs; editing it now", level: .success, expiresAt: state.now + 6)
        case .documentUnreadable(let message):
            state.notice = Notice("\(message); keeping what is on screen (it is saved again when you edit)", level: .warning, expiresAt: state.now + 8)
            state.document.savedText = ""
        default:
            break
        }
        return []
    }

    /// Takes the disk's version as the saved one.
    func reload(_ disk: DiskVersion, _ state: inout WorkbenchState) {
        let focus = state.focus
        state.load(disk.document, defaultMode: defaultMode)
        state.focus = focus
        syncViewports(&state)
        state.document.savedText = disk.text
        state.document.savedFingerprint = state.contentFingerprint
        state.document.conflict = nil
        state.document.changedSince = nil
    }

    /// The model's own mode (base models default to raw completion).
    func defaultMode(_ ref: ModelRef) -> RequestMode {
        providers[ref.provider]?.defaultMode(for: ref.model) ?? .chat
    }

    /// Ctrl-S, Alt-S and Ctrl-N.
    func executeDocumentCommand(_ command: Command, _ state: inout WorkbenchState) -> [Effect] {
        guard let url = state.document.url else {
            state.notice = Notice("no prompt file: start refract with one (refract NAME.refract.toml)", level: .info, expiresAt: state.now + 4)
            return []
        }
        switch command {
        case .save:
            if state.document.conflict != nil {
                state.overlay = .conflict
                return []
            }
            if let reason = state.document.readOnlyReason {
                state.notice = Notice("not saved: \(reason); \(keymap.hint(for: .saveAs) ?? "save as") saves a copy", level: .warning, expiresAt: state.now + 5)
                return []
            }
            let effect = save(to: url, fingerprint: state.contentFingerprint, &state)
            state.notice = Notice("saved \(url.lastPathComponent)", level: .success, expiresAt: state.now + 2)
            return [effect]
        case .saveAs:
            let suggestion = state.document.isScratch ? "prompt.refract.toml" : url.lastPathComponent
            state.overlay = .textPrompt(TextPromptState(title: "Save as (a new file; the workbench goes on there)", editor: TextEditorState(text: suggestion), purpose: .saveAs))
            return []
        case .newPrompt:
            guard state.document.isScratch else {
                state.notice = Notice("this is \(url.lastPathComponent); a fresh prompt starts in the scratch workspace (refract with no file)", level: .info, expiresAt: state.now + 5)
                return []
            }
            state.overlay = .confirm(ConfirmState(message: "Start a fresh prompt? This one is kept beside it as scratch.previous-TIME.refract.toml.", purpose: .freshScratch))
            return []
        default:
            return []
        }
    }

    /// The name typed for a prompt file: made absolute (beside the current file, else in the working folder)
    /// and given the `.refract.toml` ending when it has none.
    func promptFileURL(_ name: String, _ state: WorkbenchState) -> URL? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let path = trimmed.hasSuffix(".toml") ? trimmed : trimmed + ".refract.toml"
        let base = state.document.isScratch || state.document.url == nil
            ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath) : state.document.url!.deletingLastPathComponent()
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
    }

    /// Save as: the name typed, made absolute and given the `.refract.toml` ending when it has none.
    func saveAs(_ name: String, _ state: inout WorkbenchState) -> [Effect] {
        guard let url = promptFileURL(name, state) else { return [] }
        var doc = state.promptDocument
        doc.workbench = nil
        return [.saveDocumentAs(text: PromptFileWriter.text(of: doc), to: url, fingerprint: state.contentFingerprint)]
    }

    /// A fresh scratch prompt: the old one kept beside it, the model and the runs kept.
    func startFreshScratch(_ state: inout WorkbenchState) -> [Effect] {
        guard let url = state.document.url else { return [] }
        let old = PromptFileWriter.text(of: state.promptDocument)
        var fresh = PromptDocument()
        fresh.models = [state.model.description]
        state.load(fresh, defaultMode: defaultMode)
        state.focus = .input
        syncViewports(&state)
        return [.writeCopy(text: old, nextTo: url, label: "previous")]
    }

    /// Keys of the conflict overlay.
    func handleConflictKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect] {
        guard let disk = state.document.conflict, let url = state.document.url else {
            state.overlay = nil
            return []
        }
        switch press.key {
        case .char("k"), .char("K"):
            // Keep mine: the disk's version is kept beside the file, then mine is written.
            state.overlay = nil
            state.document.conflict = nil
            if state.document.readOnlyReason != nil {
                // Nothing can be written here: yours stays on screen, the disk keeps its version.
                state.document.savedText = disk.text
                return []
            }
            let effect = save(to: url, fingerprint: state.contentFingerprint, &state)
            state.notice = Notice("kept yours; the version from disk is saved beside it as \(url.deletingPathExtension().deletingPathExtension().lastPathComponent).disk-TIME.refract.toml", level: .info, expiresAt: state.now + 8)
            return [.writeCopy(text: disk.text, nextTo: url, label: "disk"), effect]
        case .char("t"), .char("T"):
            // Take the disk's: mine is kept beside the file.
            state.overlay = nil
            let mine = PromptFileWriter.text(of: state.promptDocument)
            reload(disk, &state)
            state.notice = Notice("loaded the version from disk; yours is saved beside it as \(url.deletingPathExtension().deletingPathExtension().lastPathComponent).mine-TIME.refract.toml", level: .info, expiresAt: state.now + 8)
            return [.writeCopy(text: mine, nextTo: url, label: "mine")]
        case .escape:
            state.overlay = nil
            state.notice = Notice("the file changed on disk: autosave waits until you choose (\(keymap.hint(for: .save) ?? "save") to decide)", level: .warning, expiresAt: state.now + 6)
            return []
        default:
            return []
        }
    }
}
