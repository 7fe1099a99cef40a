import TerminalUI

/// The `{{variables}}` table: each name found in the prompt and its value; missing values stand out.
struct VariablesPane: Widget, Equatable {
    var state: VariablesState
    var focused: Bool
    var theme: ResolvedTheme

    func render(in area: Rect, into buffer: inout CellBuffer) {
        let missing = state.names.filter { (state.values[$0] ?? "").isEmpty }.count
        let right = state.names.isEmpty ? nil : (missing == 0 ? "\(state.names.count) set" : "\(missing) missing")
        let panel = Panel(title: PaneID.variables.title, rightTitle: right, focused: focused, theme: theme)
        panel.render(in: area, into: &buffer)
        let inner = panel.inner(area)
        guard !inner.isEmpty else { return }
        guard !state.names.isEmpty else {
            buffer.write(TextTruncation.truncate("write {{name}} in a field to add one", toWidth: inner.width), x: inner.x, y: inner.y, style: theme[.editorPlaceholder], maxX: inner.maxX)
            return
        }
        // `{{name}}` plus one space before the value.
        let nameWidth = min(max(5, state.names.map { TextWidth.of($0) + 5 }.max() ?? 5), max(5, inner.width / 2))
        let visible = inner.height
        let offset = ListViewState.offset(keeping: state.selected, visibleIn: visible, from: 0)
        for (row, index) in (offset..<min(state.names.count, offset + visible)).enumerated() {
            let y = inner.y + row
            let name = state.names[index]
            let selected = focused && index == state.selected
            let nameStyle = selected ? theme[.listSelected] : theme[.variableName]
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: selected ? theme[.listSelected] : theme[.text]))
            buffer.write(TextTruncation.truncate("{{\(name)}}", toWidth: nameWidth - 1), x: inner.x, y: y, style: nameStyle, maxX: inner.x + nameWidth)
            let valueX = inner.x + nameWidth
            let valueWidth = inner.maxX - valueX
            guard valueWidth > 0 else { continue }
            if selected, let editor = state.editing {
                let field = Rect(x: valueX, y: y, width: valueWidth, height: 1)
                let view = TextEditorView(state: editor, theme: theme, focused: true)
                view.render(in: field, into: &buffer)
            } else if let value = state.values[name], !value.isEmpty {
                let shown = TextSanitizer.plainSanitized(value).replacingOccurrences(of: "\n", with: "⏎")
                buffer.write(TextTruncation.truncate(shown, toWidth: valueWidth), x: valueX, y: y, style: selected ? theme[.listSelected] : theme[.variableValue], maxX: inner.maxX)
            } else {
                buffer.write(TextTruncation.truncate("(no value: Enter to set)", toWidth: valueWidth), x: valueX, y: y, style: theme[.variableMissing], maxX: inner.maxX)
            }
        }
    }
}
