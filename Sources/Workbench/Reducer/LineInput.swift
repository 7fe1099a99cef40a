import TerminalUI

/// The one reducer of a one-line text field: the browser's search and new title, the switcher's filter
/// and parameter value, the text prompt (rename a variant, save as, export).
///
/// Editing keys are read through the keymap's editor context, so a rebinding applies to every field as it
/// does to the prompt editors; printable characters type; Ctrl-U deletes to the start (as in a shell).
/// Enter and Esc are reported, not acted on: what they mean belongs to the field's owner. Keys that are
/// not line editing (Up/Down, Tab, a global command) are `ignored`, for the owner to handle.
struct LineInput {
    enum Outcome: Equatable {
        /// The text changed.
        case changed
        /// Only the cursor or selection moved.
        case moved
        case submit
        case cancel
        case ignored
    }

    /// Commands that make sense on one line (no new line, no vertical motion).
    static let commands: Set<Command> = [
        .left, .right, .wordLeft, .wordRight, .lineStart, .lineEnd, .selectLeft, .selectRight, .selectWordLeft, .selectWordRight,
        .selectLineStart, .selectLineEnd, .selectAll, .deleteBackward, .deleteForward, .deleteWordBackward, .deleteToLineEnd, .undo, .redo,
    ]

    let keymap: Keymap

    /// Pasted text goes in as one line: line breaks become spaces (a title or a filter has no second line).
    static func paste(_ text: String, into field: inout TextEditorState) {
        field.paste(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " "))
    }

    func reduce(_ press: KeyPress, _ field: inout TextEditorState) -> Outcome {
        switch press.key {
        case .enter where press.modifiers.isEmpty: return .submit
        case .escape: return .cancel
        case .char("u") where press.modifiers == [.ctrl]:
            field.move(.lineStart, selecting: true)
            return field.cut().map { _ in .changed } ?? .moved
        case .char(let c) where press.modifiers.isDisjoint(with: [.ctrl, .alt]):
            field.type(String(c))
            return .changed
        default:
            guard let command = keymap.command(for: press, in: [.editor]), Self.commands.contains(command) else { return .ignored }
            let before = field.text
            EditorCommand.apply(command, to: &field, page: 1)
            return field.text == before ? .moved : .changed
        }
    }
}
