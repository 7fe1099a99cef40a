/// One undo step: lines `start..<start+newCount` replaced lines that were `oldLines`, and where the
/// cursor and selection anchor were before and after.
///
/// Recording whole lines (not grapheme ranges) keeps undo exact even when an edit re-clusters
/// graphemes (typing U+0301 after `e` turns two graphemes into one).
struct EditRecord: Sendable {
    /// What made the edit; typing can merge into the step before it.
    enum Kind: Sendable { case typing, other }

    var kind: Kind
    var start: Int
    var oldLines: [[Character]]
    var newCount: Int
    var cursorBefore: TextPosition
    var anchorBefore: TextPosition?
    var cursorAfter: TextPosition
    var anchorAfter: TextPosition?
}

/// Undo and redo stacks with typing coalesced into word-sized steps.
struct UndoHistory: Sendable {
    var undoStack: [EditRecord] = []
    var redoStack: [EditRecord] = []
    /// True while the last step is typing that the next typed text may extend.
    var typingOpen = false
    /// Whether the last typed grapheme was part of a word (a new word after a non-word starts a new step).
    var lastTypedWasWord = false
    var limit = 1000

    mutating func push(_ record: EditRecord) {
        undoStack.append(record)
        if undoStack.count > limit { undoStack.removeFirst(undoStack.count - limit) }
        redoStack.removeAll()
    }

    /// Ends the open typing step (the cursor moved, or another kind of edit happened).
    mutating func closeTyping() { typingOpen = false }
}
