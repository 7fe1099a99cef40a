import Foundation
import PromptFiles

extension WorkbenchReducer {
    /// Open or close the selected context item.
    func toggleContextItem(_ state: inout WorkbenchState) -> [Effect] {
        let items = state.contextItems
        guard items.indices.contains(state.context.selected) else { return [] }
        let item = items[state.context.selected]
        guard !item.rows.isEmpty else {
            state.notice = Notice("nothing more to show for \(item.title)", level: .info, expiresAt: state.now + 3)
            return []
        }
        if state.context.expanded.remove(item.key) == nil { state.context.expanded.insert(item.key) }
        return []
    }

    /// Detach the selected file: its own `[[attachments]]` entry goes; a file that came from a glob or a
    /// folder is named with the entry to change instead.
    func detachContextItem(_ state: inout WorkbenchState) -> [Effect] {
        let items = state.contextItems
        guard items.indices.contains(state.context.selected), case .attachment(let path) = items[state.context.selected].kind, !path.isEmpty else {
            state.notice = Notice("only attached files can be detached here; the schema and tools live in the prompt file", level: .info, expiresAt: state.now + 4)
            return []
        }
        // An entry names the file as shown, or where it was read from (the scratch workspace writes them absolute).
        let location = state.attachments.files.first { $0.path == path }?.location
        let folder = attachmentFolder(state) ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let index = state.document.base.attachments.firstIndex { entry in
            let resolved = entry.path.hasPrefix("/") ? entry.path : folder.appendingPathComponent(entry.path).standardizedFileURL.path
            return entry.path == path || entry.path == location || resolved == location
        }
        guard let index else {
            state.notice = Notice("\(AttachmentSummary.inert(path)) comes from a glob or folder entry: change that entry in the prompt file", level: .info, expiresAt: state.now + 5)
            return []
        }
        state.document.base.attachments.remove(at: index)
        state.context.expanded.remove(items[state.context.selected].key)
        state.notice = Notice("detached \(AttachmentSummary.inert(path))", level: .success, expiresAt: state.now + 4)
        return []
    }

    func moveContextSelection(_ command: Command, _ state: inout WorkbenchState) {
        let count = state.contextItems.count
        guard count > 0 else { return }
        var i = state.context.selected
        switch command {
        case .scrollUp: i -= 1
        case .scrollDown: i += 1
        case .pageUp, .scrollTop: i = 0
        default: i = count - 1
        }
        state.context.selected = min(max(0, i), count - 1)
    }

    /// Decodes the previews of attached images not decoded yet (off the UI thread), by their hash.
    func decodeNewImagePreviews(_ state: inout WorkbenchState) -> [Effect] {
        let images = state.attachments.files.filter {
            $0.kind == .image && $0.content != nil && state.context.previews[$0.sha256] == nil && !state.context.pending.contains($0.sha256)
        }
        if state.context.selected >= max(1, state.contextItems.count) { state.context.selected = max(0, state.contextItems.count - 1) }
        guard !images.isEmpty else { return [] }
        state.context.pending.formUnion(images.map(\.sha256))
        return [.decodeImagePreviews(images)]
    }
}
