/// A cursor movement in the text editor. Any of them extends the selection when made with Shift.
public enum EditorMotion: Sendable, Hashable {
    /// One grapheme (a combining mark moves with its base).
    case left, right
    /// Ctrl-Left: to the start of this or the previous word. Ctrl-Right: to the end of this or the next word.
    case wordLeft, wordRight
    /// One visual (soft-wrapped) row, keeping the goal column.
    case up, down
    /// Home / End: the start or end of the line (text between newlines).
    case lineStart, lineEnd
    /// By this many visual rows, keeping the goal column.
    case pageUp(rows: Int), pageDown(rows: Int)
    case documentStart, documentEnd
}
