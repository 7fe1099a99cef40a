import Foundation
import Providers
import TerminalUI

/// The response schema's JSON in an editor, with a line under it that says, as it is typed, whether it
/// is a schema yet or the first problem with its place.
struct SchemaEditorOverlay: Widget {
    var editor: TextEditorState
    var keymap: Keymap
    var theme: ResolvedTheme

    func render(in screen: Rect, into buffer: inout CellBuffer) {
        let save = keymap.hint(for: .save) ?? "save"
        let box = Overlay(title: "Response schema (JSON)", rightTitle: "\(save) save · Esc cancel", width: min(screen.width, 84), height: min(screen.height, 26), theme: theme)
        box.render(in: screen, into: &buffer)
        let inner = box.inner(in: screen)
        guard inner.height >= 2 else { return }
        TextEditorView(state: editor, theme: theme, focused: true).render(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1), into: &buffer)
        let line = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
        switch SchemaDraft.check(editor.text) {
        case .success(nil):
            _ = buffer.write("empty: saving removes the schema", x: line.x, y: line.y, style: theme[.responseMeta], maxX: line.maxX)
        case .success:
            _ = buffer.write("a schema ✓", x: line.x, y: line.y, style: theme[.success], maxX: line.maxX)
        case .failure(let problem):
            let text = TextTruncation.truncate(TextSanitizer.plainSanitized("✗ " + problem.text), toWidth: line.width)
            _ = buffer.write(text, x: line.x, y: line.y, style: theme[.error], maxX: line.maxX)
        }
    }
}
