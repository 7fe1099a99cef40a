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
