import PromptFiles
import TerminalUI

/// Samples per cell (`n` in the matrix and the Cases pane): asked in the one-line prompt and written to the
/// prompt file as `repeat = N`, so the next evaluation here and `refract eval FILE` sample the same way.
extension WorkbenchReducer {
    func askRepeats(_ state: inout WorkbenchState) -> [Effect] {
        guard state.document.url != nil else {
            state.notice = Notice("repeats live in a prompt file: start with refract FILE.refract.toml", level: .info, expiresAt: state.now + 5)
            return []
        }
        var editor = TextEditorState(text: String(state.document.base.repeatCount ?? 1))
        // Typing replaces the shown number.
        editor.selectAll()
        state.overlay = .textPrompt(TextPromptState(title: "Samples per cell (repeat = N)", editor: editor, purpose: .repeats))
        return []
    }

    func applyRepeats(_ text: String, _ state: inout WorkbenchState) -> [Effect] {
        // The same range the evaluation reader accepts.
        guard let count = Int(text), (1...1000).contains(count) else {
            state.notice = Notice("samples per cell: expected a whole number from 1 to 1000, not \"\(text)\"", level: .error, expiresAt: state.now + 6)
            return []
        }
        guard count != (state.document.base.repeatCount ?? 1) else {
            state.notice = Notice("already \(count) sample\(count == 1 ? "" : "s") per cell", level: .info, expiresAt: state.now + 3)
            return []
        }
        state.document.base.setRepeatCount(count)
        // The key lives in the document's base, like the cases: the revision tells autosave.
        state.document.casesRevision += 1
        let evaluate = keymap.hint(for: .evaluate, in: .global) ?? "the evaluate key"
        state.notice = Notice(count == 1 ? "repeat = 1: one sample per cell from the next evaluation on"
                                         : "repeat = \(count): the next evaluation (\(evaluate)) samples every cell \(count) times",
                              level: .info, expiresAt: state.now + 6)
        return []
    }
}
