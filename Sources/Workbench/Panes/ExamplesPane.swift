import TerminalUI

/// The few-shot examples: one line each (`input → output`) while moving through them; the selected
/// example's input and output as two editors while it is edited.
struct ExamplesPane: Widget, Equatable {
    var state: ExamplesState
    var focused: Bool
    var theme: ResolvedTheme

    func render(in area: Rect, into buffer: inout CellBuffer) {
        let count = state.items.count
        let right = count == 0 ? nil : (state.editing == nil ? "\(count)" : "\(state.selected + 1)/\(count)")
        let panel = Panel(title: PaneID.examples.title, rightTitle: right, focused: focused, theme: theme)
        panel.render(in: area, into: &buffer)
        let inner = panel.inner(area)
        guard !inner.isEmpty else { return }
        guard count > 0 else {
            let hint = "no examples: a adds an input → output pair shown to the model before the real input"
            buffer.write(TextTruncation.truncate(hint, toWidth: inner.width), x: inner.x, y: inner.y, style: theme[.editorPlaceholder], maxX: inner.maxX)
            return
        }
        if let field = state.editing, state.items.indices.contains(state.selected), inner.height >= 4 {
            return renderEditing(state.items[state.selected], field: field, in: inner, into: &buffer)
        }
        let offset = ListViewState.offset(keeping: state.selected, visibleIn: inner.height, from: 0)
        for (row, index) in (offset..<min(count, offset + inner.height)).enumerated() {
            let y = inner.y + row
            let selected = focused && index == state.selected
            let style = selected ? theme[.listSelected] : theme[.text]
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: style))
            let item = state.items[index]
            let line = "\(index + 1). " + Self.oneLine(item.input.text) + " → " + Self.oneLine(item.output.text)
            buffer.write(TextTruncation.truncate(line, toWidth: inner.width), x: inner.x, y: y, style: style, maxX: inner.maxX)
        }
    }

    /// Input above, output below, each under a one-row label; the edited one has the cursor.
    private func renderEditing(_ item: ExampleItem, field: ExampleField, in inner: Rect, into buffer: inout CellBuffer) {
        let inputRows = (inner.height - 2) / 2
        let parts: [(ExampleField, String, TextEditorState, Rect)] = [
            (.input, "input", item.input, Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inputRows)),
            (.output, "output (what the model should answer)", item.output,
             Rect(x: inner.x, y: inner.y + 2 + inputRows, width: inner.width, height: inner.height - 2 - inputRows)),
        ]
        for (which, label, editor, rect) in parts {
            let active = which == field
            let title = "\(state.selected + 1). \(label)" + (active ? "  (Tab: other half · Esc: back to the list)" : "")
            buffer.write(TextTruncation.truncate(title, toWidth: inner.width), x: inner.x, y: rect.y - 1,
                         style: active ? theme[.paneTitleFocused] : theme[.paneTitle], maxX: inner.maxX)
            let view = TextEditorView(state: editor, theme: theme, focused: focused && active, highlighter: TextEditorView.variableHighlights)
            view.render(in: rect, into: &buffer)
        }
    }

    static func oneLine(_ text: String) -> String {
        TextSanitizer.plainSanitized(text).replacingOccurrences(of: "\n", with: "⏎")
    }
}
