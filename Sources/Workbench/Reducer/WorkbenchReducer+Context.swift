import Foundation

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

    /// Reads attached files the pane has not seen (off the UI thread); globs and folders are listed by name.
    func readNewAttachmentPreviews(_ state: inout WorkbenchState) -> [Effect] {
        var effects: [Effect] = []
        for attachment in state.document.base.attachments {
            let path = attachment.path
            guard state.context.files[path] == nil, !state.context.pending.contains(path) else { continue }
            guard !path.contains(where: { "*?[".contains($0) }) else { continue }
            state.context.pending.insert(path)
            let expanded = (path as NSString).expandingTildeInPath
            let url = expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : state.contextFolder.appendingPathComponent(expanded)
            effects.append(.readAttachmentPreview(path: path, url: url.standardizedFileURL))
        }
        if state.context.selected >= max(1, state.contextItems.count) { state.context.selected = max(0, state.contextItems.count - 1) }
        return effects
    }
}
