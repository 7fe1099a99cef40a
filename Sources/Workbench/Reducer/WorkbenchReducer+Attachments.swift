import Foundation
import PromptFiles
import Providers
import TerminalUI

extension WorkbenchReducer {
    /// The folder relative attachment entries start from: the prompt file's (nil: the working folder).
    /// The scratch workspace lives in Refract's state folder, so its entries are written absolute.
    func attachmentFolder(_ state: WorkbenchState) -> URL? {
        state.document.isScratch ? nil : state.document.url?.deletingLastPathComponent()
    }

    /// Opens the attach picker and asks for the files it offers.
    func openAttachPicker(_ state: inout WorkbenchState) -> [Effect] {
        state.overlay = .attachPicker(AttachPickerState())
        return [.listAttachableFiles(folder: attachmentFolder(state), absolute: state.document.isScratch)]
    }

    /// Keys in the picker: typing filters, Up/Down move, Enter attaches (or detaches an attached file), Esc closes.
    func handleAttachPickerKey(_ press: KeyPress, _ picker: inout AttachPickerState, _ state: inout WorkbenchState) -> [Effect] {
        if press.key == .escape || keymap.command(for: press, in: [.overlay]) == .close {
            state.overlay = nil
            return []
        }
        let matches = picker.matches()
        if case .confirmed(let i) = filteredListKey(press, filter: &picker.filter, list: &picker.list, count: matches.count) {
            toggleAttachment(matches[i], &state)
            state.overlay = nil
        }
        return []
    }

    /// Attaches `file`, or detaches it when the prompt has it already; the prompt file keeps the change.
    func toggleAttachment(_ file: AttachableFile, _ state: inout WorkbenchState) {
        var entries = state.document.base.attachments
        if let index = entries.firstIndex(where: { $0.path == file.entry }) {
            entries.remove(at: index)
            state.notice = Notice("detached \(AttachmentSummary.inert(file.shown))", level: .info, expiresAt: state.now + 4)
        } else {
            entries.append(PromptAttachment(path: file.entry))
            state.notice = Notice("attached \(AttachmentSummary.inert(file.shown))", level: .success, expiresAt: state.now + 4)
        }
        state.document.base.attachments = entries
    }

    /// When the prompt's entries differ from what was loaded, loads them again (off the UI thread).
    func trackAttachments(_ state: inout WorkbenchState) -> [Effect] {
        let entries = state.document.base.attachments.map(\.path)
        guard entries != state.attachments.requested else { return [] }
        state.attachments.requested = entries
        guard !entries.isEmpty else {
            state.attachments = AttachmentsState()
            state.attachments.requested = []
            return []
        }
        state.attachments.loading = true
        return [.loadAttachments(entries, folder: attachmentFolder(state))]
    }

    /// A load finished: kept only when it is for the entries the prompt has now.
    func applyAttachmentsLoaded(entries: [String], files: [ContextFile], error: String?, _ state: inout WorkbenchState) -> [Effect] {
        guard entries == state.attachments.requested else { return [] }
        state.attachments.loading = false
        state.attachments.error = error
        state.attachments.files = error == nil ? files : []
        state.attachments.summaries = state.attachments.files.map { AttachmentSummary($0) }
        if let error { state.notice = Notice(AttachmentSummary.inert(error), level: .error, expiresAt: state.now + 8) }
        // A local model counts the text files' tokens itself; elsewhere the summaries keep the estimate.
        guard providers[state.model.provider]?.isManagedLocal == true, state.attachments.files.contains(where: { $0.kind == .text }) else { return [] }
        return [.countAttachmentTokens(state.attachments.files, entries: entries, model: state.model)]
    }

    /// A saved run's files (read again by the effect that loaded the run) become the prompt's attachments,
    /// as its texts become the prompt's: entries relative to the prompt file's folder when inside it.
    func adoptSavedFiles(_ files: [ContextFile], _ state: inout WorkbenchState) {
        let folder = attachmentFolder(state)
        let entries = files.map { file -> String in
            guard let location = file.location else { return file.path }
            return folder.map { AttachmentPathResolver.shown(location, base: $0) } ?? location
        }
        var unique: [String] = []
        for entry in entries where !unique.contains(entry) { unique.append(entry) }
        state.document.base.attachments = unique.map(PromptAttachment.init(path:))
        state.attachments = AttachmentsState()
        state.attachments.requested = unique
        state.attachments.files = files
        state.attachments.summaries = files.map { AttachmentSummary($0) }
        if let gone = files.first(where: { $0.content == nil }) {
            state.attachments.error = "\(AttachmentSummary.inert(gone.path)) is gone since the run: detach it (\(keymap.hint(for: .attach) ?? "the attach key")) or put it back"
        }
    }

    /// Why a run cannot start now because of the attachments, if it cannot.
    func attachmentsBlockRun(_ state: WorkbenchState) -> String? {
        if state.attachments.loading { return "the attached files are still being read: run again in a moment" }
        return state.attachments.error.map { AttachmentSummary.inert($0) }
    }
}
