import PromptFiles
import TerminalUI

/// The attach picker: a filter line, the files under the prompt's folder (attached ones say so, with
/// their kind, size and tokens), and what Enter does. File names are shown inert.
struct AttachPickerOverlay: Widget {
    var picker: AttachPickerState
    var state: WorkbenchState
    var theme: ResolvedTheme

    func render(in screen: Rect, into buffer: inout CellBuffer) {
        let box = Overlay(title: "Attach", rightTitle: "Enter attach/detach · Esc close", width: min(screen.width, 96), height: min(screen.height, 24), theme: theme)
        box.render(in: screen, into: &buffer)
        let inner = box.inner(in: screen)
        guard inner.height >= 3, inner.width >= 10 else { return }
        let x = buffer.write("filter ", x: inner.x, y: inner.y, style: theme[.editorLabel], maxX: inner.maxX)
        TextEditorView(state: picker.filter, theme: theme, placeholder: "type to filter files", focused: true)
            .render(in: Rect(x: x, y: inner.y, width: inner.maxX - x, height: 1), into: &buffer)
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 2)
        let attached = Dictionary(state.document.base.attachments.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let summaries = Dictionary(state.attachments.summaries.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let items = picker.matches().map { file -> ListItem in
            var detail = ""
            if attached[file.entry] != nil {
                detail = "attached" + (summaries[file.shown].map { " · " + $0.line.dropFirst($0.name.count + 3) } ?? "")
            }
            return ListItem(AttachmentSummary.inert(file.shown), detail: detail.isEmpty ? nil : detail)
        }
        if items.isEmpty {
            let why = picker.candidates == nil ? "listing files…" : "no file matches"
            buffer.write(why, x: list.x + 2, y: list.y, style: theme[.textDim], maxX: list.maxX)
        } else {
            ListView(items: items, state: picker.list, theme: theme).render(in: list, into: &buffer)
        }
        let count = state.document.base.attachments.count
        let status = state.attachments.error ?? (state.attachments.loading ? "reading the attached files…" : "\(count) attached · saved in the prompt file")
        buffer.write(TextTruncation.truncate(AttachmentSummary.inert(status), toWidth: inner.width), x: inner.x, y: inner.maxY - 1,
                     style: theme[state.attachments.error == nil ? .textDim : .error], maxX: inner.maxX)
    }
}
