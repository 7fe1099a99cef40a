import TerminalUI

extension WorkbenchReducer {
    /// Click focuses a pane (and places the cursor in a text field); the wheel scrolls what is under it.
    func handleMouse(_ mouse: MouseEvent, _ state: inout WorkbenchState) -> [Effect] {
        if state.overlay != nil {
            if mouse.kind == .press, case .help = state.overlay { state.overlay = nil }
            return []
        }
        let layout = state.layout
        guard let pane = layout.pane(atX: mouse.x, y: mouse.y), let rect = layout.panes[pane] else { return [] }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            let delta = mouse.kind == .wheelUp ? -3 : 3
            if pane == .response {
                let command: Command = delta < 0 ? .scrollUp : .scrollDown
                for _ in 0..<abs(delta) { scrollResponse(command, &state) }
            } else {
                _ = state.withEditor(pane) { $0.scroll(by: delta) }
            }
        case .press:
            if pane != state.focus { _ = focus(pane, &state) }
            let inner = rect.inset(by: 1)
            if pane.isTextField, inner.contains(x: mouse.x, y: mouse.y) {
                _ = state.withEditor(pane) { editor in
                    EditorHitTest.placeCursor(&editor, row: mouse.y - inner.y, column: mouse.x - inner.x, selecting: false)
                }
            } else if pane == .variables, inner.contains(x: mouse.x, y: mouse.y) {
                let row = mouse.y - inner.y - 1
                if state.variables.names.indices.contains(row) { state.variables.selected = row }
            }
        case .drag:
            let inner = rect.inset(by: 1)
            if pane == state.focus, pane.isTextField {
                _ = state.withEditor(pane) { editor in
                    EditorHitTest.placeCursor(&editor, row: min(max(0, mouse.y - inner.y), inner.height - 1), column: max(0, mouse.x - inner.x), selecting: true)
                }
            }
        case .release:
            break
        }
        return []
    }
}

/// Maps a click inside an editor (row and display column in its view) to a cursor position.
enum EditorHitTest {
    static func placeCursor(_ editor: inout TextEditorState, row: Int, column: Int, selecting: Bool) {
        let target = editor.scrollTop + row
        guard let visual = editor.visualRow(at: target) ?? editor.visualRow(at: max(0, editor.visualRowCount - 1)) else { return }
        let chars = editor.lines[visual.line]
        let limit = visual.isLastOfLine ? visual.end : max(visual.start, visual.end - 1)
        var col = 0
        var j = visual.start
        while j < limit {
            let w = EditorGlyph.width(of: chars[j], atColumn: col, tabWidth: editor.tabWidth)
            if col + (w + 1) / 2 > column { break }
            col += w
            j += 1
        }
        if target >= editor.visualRowCount { j = chars.count }
        editor.setCursor(editor.index(of: TextPosition(line: visual.line, column: j)), selecting: selecting)
    }
}
