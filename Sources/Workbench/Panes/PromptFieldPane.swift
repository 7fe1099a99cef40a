import TerminalUI

/// One prompt field: a titled panel around a text editor; `{{variables}}` highlighted.
struct PromptFieldPane: Widget, Equatable {
    var pane: PaneID
    /// Shown instead of the pane's name (the instruction variant's name).
    var title: String?
    var editor: TextEditorState
    /// Shown at the right of the top border after the size (the prompt file's name and modified mark).
    var fileTitle: String? = nil
    var focused: Bool
    var theme: ResolvedTheme

    static let placeholders: [PaneID: String] = [
        .system: "optional system prompt",
        .instruction: "what the model should do with the input",
        .input: "the input; use {{name}} for variables",
    ]

    /// Draws the field; when it is focused its editor puts the terminal cursor in `buffer.cursor`.
    func render(in area: Rect, into buffer: inout CellBuffer) {
        let lines = editor.lineCount
        let size = editor.isEmpty ? nil : (lines == 1 ? "\(editor.text.count) chars" : "\(lines) lines")
        let info = [size, fileTitle].compactMap { $0 }.joined(separator: " · ")
        let panel = Panel(title: title ?? pane.title, rightTitle: info.isEmpty ? nil : info, focused: focused, theme: theme)
        panel.render(in: area, into: &buffer)
        let inner = panel.inner(area)
        guard !inner.isEmpty else { return }
        let view = TextEditorView(
            state: editor, theme: theme, placeholder: Self.placeholders[pane] ?? "", focused: focused,
            highlighter: TextEditorView.variableHighlights
        )
        view.render(in: inner, into: &buffer)
    }
}
