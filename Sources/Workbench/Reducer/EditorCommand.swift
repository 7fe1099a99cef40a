import TerminalUI

/// What an editing command does to a text field: the one mapping from `Command` to `TextEditorState`,
/// shared by the prompt editors and every one-line field (`LineInput`).
enum EditorCommand {
    /// Applies `command`; returns false when it is not an editing command. `page` is the rows a page moves.
    @discardableResult
    static func apply(_ command: Command, to editor: inout TextEditorState, page: Int) -> Bool {
        switch command {
        case .left: editor.move(.left)
        case .right: editor.move(.right)
        case .up, .scrollUp: editor.move(.up)
        case .down, .scrollDown: editor.move(.down)
        case .wordLeft: editor.move(.wordLeft)
        case .wordRight: editor.move(.wordRight)
        case .lineStart: editor.move(.lineStart)
        case .lineEnd: editor.move(.lineEnd)
        case .pageUp: editor.move(.pageUp(rows: page))
        case .pageDown: editor.move(.pageDown(rows: page))
        case .documentStart, .scrollTop: editor.move(.documentStart)
        case .documentEnd, .scrollBottom: editor.move(.documentEnd)
        case .selectLeft: editor.move(.left, selecting: true)
        case .selectRight: editor.move(.right, selecting: true)
        case .selectUp: editor.move(.up, selecting: true)
        case .selectDown: editor.move(.down, selecting: true)
        case .selectWordLeft: editor.move(.wordLeft, selecting: true)
        case .selectWordRight: editor.move(.wordRight, selecting: true)
        case .selectLineStart: editor.move(.lineStart, selecting: true)
        case .selectLineEnd: editor.move(.lineEnd, selecting: true)
        case .selectAll: editor.selectAll()
        case .newline: editor.insertNewline()
        case .deleteBackward: editor.deleteBackward()
        case .deleteForward: editor.deleteForward()
        case .deleteWordBackward: editor.deleteWordBackward()
        case .deleteToLineEnd:
            if editor.selection == nil { editor.move(.lineEnd, selecting: true) }
            if editor.selection == nil { editor.deleteForward() } else { _ = editor.cut() }
        case .undo: _ = editor.undo()
        case .redo: _ = editor.redo()
        default: return false
        }
        return true
    }
}
