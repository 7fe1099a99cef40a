/// The text editor's model: text, cursor, selection, soft wrap and undo, with no drawing and no I/O.
///
/// The text is kept as lines of graphemes, so a cursor move or a keystroke costs the length of one
/// line, not of the whole text; each line's soft-wrap rows are cached for `wrapWidth` and only the
/// edited lines are re-wrapped. Positions are graphemes (`e`+U+0301 is one), so a combining mark
/// always moves and is deleted with its base. Columns for up/down and for the cursor are display
/// columns (CJK and emoji take two).
public struct TextEditorState: Sendable, Equatable {
    /// The lines of the text (split at `\n`); never empty.
    public private(set) var lines: [[Character]]
    public private(set) var cursorPosition: TextPosition
    /// Where the selection started; the selection runs between it and the cursor.
    public private(set) var anchorPosition: TextPosition?
    /// Columns a visual row may take (the editor view's width).
    public private(set) var wrapWidth: Int
    /// Rows the view shows, if known: the cursor is kept inside `scrollTop..<scrollTop+viewHeight`.
    public private(set) var viewHeight: Int?
    /// The first visual row the view shows.
    public private(set) var scrollTop = 0
    public let tabWidth: Int
    /// Goes up with every change of the text (typing, undo, `setText`), never with cursor moves:
    /// a cheap "did anything change" for autosave.
    public private(set) var revision = 0

    private var rowStarts: [[Int]]
    /// The display column up/down try to keep; set by the first vertical move, cleared by others.
    private var goalColumn: Int?
    private var history = UndoHistory()

    public init(text: String = "", wrapWidth: Int = 80, tabWidth: Int = 4) {
        self.wrapWidth = max(1, wrapWidth)
        self.tabWidth = max(1, tabWidth)
        self.lines = [[]]
        self.rowStarts = [[0]]
        self.cursorPosition = .zero
        setText(text)
    }

    public static func == (a: TextEditorState, b: TextEditorState) -> Bool {
        a.lines == b.lines && a.cursorPosition == b.cursorPosition && a.anchorPosition == b.anchorPosition
            && a.wrapWidth == b.wrapWidth && a.scrollTop == b.scrollTop && a.viewHeight == b.viewHeight
    }

    // MARK: Text

    /// The whole text, lines joined with `\n`.
    public var text: String { lines.map { String($0) }.joined(separator: "\n") }
    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }
    public var lineCount: Int { lines.count }

    /// Replaces the text, puts the cursor at its end and forgets undo history (loading a prompt).
    public mutating func setText(_ text: String) {
        revision &+= 1
        lines = TextEditorState.normalizedNewlines(text).split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
        rowStarts = lines.map { wrap($0) }
        cursorPosition = TextPosition(line: lines.count - 1, column: lines[lines.count - 1].count)
        anchorPosition = nil
        goalColumn = nil
        history = UndoHistory()
        scrollToCursor()
    }

    // MARK: Grapheme indices

    /// The cursor as a grapheme index into `text` (a newline counts as one).
    public var cursor: Int { index(of: cursorPosition) }
    /// The selection anchor as a grapheme index.
    public var anchor: Int? { anchorPosition.map { index(of: $0) } }

    public func index(of position: TextPosition) -> Int {
        var n = 0
        for i in 0..<min(position.line, lines.count) { n += lines[i].count + 1 }
        return n + position.column
    }

    public func position(ofIndex index: Int) -> TextPosition {
        var rest = max(0, index)
        for (i, line) in lines.enumerated() {
            if rest <= line.count { return TextPosition(line: i, column: rest) }
            rest -= line.count + 1
        }
        return endPosition
    }

    /// Moves the cursor to a grapheme index (clamped), extending the selection when `selecting`.
    public mutating func setCursor(_ index: Int, selecting: Bool = false) {
        history.closeTyping()
        if selecting { anchorPosition = anchorPosition ?? cursorPosition } else { anchorPosition = nil }
        cursorPosition = position(ofIndex: index)
        if anchorPosition == cursorPosition { anchorPosition = nil }
        goalColumn = nil
        scrollToCursor()
    }

    // MARK: Selection

    /// The selected positions, ordered; nil when nothing is selected.
    public var selection: Range<TextPosition>? {
        guard let anchorPosition, anchorPosition != cursorPosition else { return nil }
        return min(anchorPosition, cursorPosition)..<max(anchorPosition, cursorPosition)
    }

    /// The selection as grapheme indices.
    public var selectedRange: Range<Int>? {
        selection.map { index(of: $0.lowerBound)..<index(of: $0.upperBound) }
    }

    public var selectedText: String? { selection.map { text(in: $0) } }

    /// The text between two positions.
    public func text(in range: Range<TextPosition>) -> String {
        let a = range.lowerBound, b = range.upperBound
        if a.line == b.line { return String(lines[a.line][a.column..<b.column]) }
        var parts = [String(lines[a.line][a.column...])]
        if b.line - a.line > 1 { for i in (a.line + 1)..<b.line { parts.append(String(lines[i])) } }
        parts.append(String(lines[b.line][..<b.column]))
        return parts.joined(separator: "\n")
    }

    public mutating func selectAll() {
        history.closeTyping()
        anchorPosition = .zero
        cursorPosition = endPosition
        if anchorPosition == cursorPosition { anchorPosition = nil }
        goalColumn = nil
        scrollToCursor()
    }

    public mutating func clearSelection() { anchorPosition = nil }

    /// The selected text (for the clipboard), nil when nothing is selected.
    public func copy() -> String? { selectedText }

    /// Removes the selection as one undo step and returns its text.
    public mutating func cut() -> String? {
        guard let range = selection else { return nil }
        let removed = text(in: range)
        history.closeTyping()
        replace(range, with: "", kind: .other, merge: false)
        return removed
    }

    // MARK: Editing

    /// Typed text: replaces the selection; consecutive typing is one undo step per word.
    public mutating func type(_ text: String) {
        let text = TextEditorState.normalizedNewlines(text)
        guard !text.isEmpty else { return }
        if text.contains("\n") {
            history.closeTyping()
            replace(selection ?? (cursorPosition..<cursorPosition), with: text, kind: .other, merge: false)
            return
        }
        var merge = false
        if selection == nil, history.typingOpen, let last = history.undoStack.last, last.kind == .typing,
            last.newCount == 1, last.start == cursorPosition.line, last.cursorAfter == cursorPosition
        {
            let startsWord = text.first.map { WordClass($0) == .word } ?? false
            merge = !(startsWord && !history.lastTypedWasWord)
        }
        replace(selection ?? (cursorPosition..<cursorPosition), with: text, kind: .typing, merge: merge)
        history.typingOpen = true
        history.lastTypedWasWord = text.last.map { WordClass($0) == .word } ?? false
    }

    /// Pasted text: replaces the selection, always one undo step.
    public mutating func paste(_ text: String) {
        let text = TextEditorState.normalizedNewlines(text)
        guard !text.isEmpty || selection != nil else { return }
        history.closeTyping()
        replace(selection ?? (cursorPosition..<cursorPosition), with: text, kind: .other, merge: false)
    }

    /// Splits the line at the cursor (replacing the selection).
    public mutating func insertNewline() {
        history.closeTyping()
        replace(selection ?? (cursorPosition..<cursorPosition), with: "\n", kind: .other, merge: false)
    }

    /// Backspace: deletes the selection, or the grapheme before the cursor (joining lines at a line start).
    public mutating func deleteBackward() {
        deleteRange { $0.before($0.cursorPosition) }
    }

    /// Delete: deletes the selection, or the grapheme after the cursor.
    public mutating func deleteForward() {
        deleteRange { $0.after($0.cursorPosition) }
    }

    /// Ctrl-Backspace: deletes back to the start of the word.
    public mutating func deleteWordBackward() {
        deleteRange { $0.wordLeft(from: $0.cursorPosition) }
    }

    /// Ctrl-Delete: deletes forward to the end of the word.
    public mutating func deleteWordForward() {
        deleteRange { $0.wordRight(from: $0.cursorPosition) }
    }

    private mutating func deleteRange(to target: (TextEditorState) -> TextPosition) {
        history.closeTyping()
        if let range = selection {
            replace(range, with: "", kind: .other, merge: false)
            return
        }
        let other = target(self)
        guard other != cursorPosition else { return }
        replace(min(other, cursorPosition)..<max(other, cursorPosition), with: "", kind: .other, merge: false)
    }

    public var canUndo: Bool { !history.undoStack.isEmpty }
    public var canRedo: Bool { !history.redoStack.isEmpty }

    /// Reverts the last step; false when there is none.
    @discardableResult
    public mutating func undo() -> Bool { step(from: \.undoStack, to: \.redoStack, undoing: true) }

    /// Applies the last undone step again; false when there is none.
    @discardableResult
    public mutating func redo() -> Bool { step(from: \.redoStack, to: \.undoStack, undoing: false) }

    /// Undo and redo are one move in opposite directions: swap the record's lines back in, put the cursor where
    /// it was on that side of the edit, and file the inverted record on the other stack.
    private mutating func step(from source: WritableKeyPath<UndoHistory, [EditRecord]>, to target: WritableKeyPath<UndoHistory, [EditRecord]>,
                               undoing: Bool) -> Bool {
        guard let record = history[keyPath: source].popLast() else { return false }
        history.closeTyping()
        let current = swapLines(start: record.start, count: record.newCount, with: record.oldLines)
        cursorPosition = undoing ? record.cursorBefore : record.cursorAfter
        anchorPosition = undoing ? record.anchorBefore : record.anchorAfter
        var inverse = record
        inverse.oldLines = current
        inverse.newCount = record.oldLines.count
        history[keyPath: target].append(inverse)
        goalColumn = nil
        scrollToCursor()
        return true
    }

    /// Replaces `count` lines from `start` with `replacement`; returns the lines taken out.
    private mutating func swapLines(start: Int, count: Int, with replacement: [[Character]]) -> [[Character]] {
        revision &+= 1
        let range = start..<(start + count)
        let taken = Array(lines[range])
        lines.replaceSubrange(range, with: replacement)
        rowStarts.replaceSubrange(range, with: replacement.map { wrap($0) })
        return taken
    }

    /// The one place text changes: replaces `range` with `text` (no `\r`), records undo, moves the
    /// cursor after the inserted text. Only the graphemes at the two seams are re-clustered, so an
    /// inserted combining mark joins its base and a split one stays whole.
    private mutating func replace(_ range: Range<TextPosition>, with text: String, kind: EditRecord.Kind, merge: Bool) {
        revision &+= 1
        let a = range.lowerBound, b = range.upperBound
        let oldLines = Array(lines[a.line...b.line])
        let prefix = lines[a.line][..<a.column]
        let suffix = lines[b.line][b.column...]
        var middle = ""
        if let p = prefix.last { middle.append(p) }
        middle += text
        let insertedEnd = middle.utf8.count
        if let s = suffix.first { middle.append(s) }

        let pieces = middle.split(separator: "\n", omittingEmptySubsequences: false)
        var newLines: [[Character]] = []
        newLines.reserveCapacity(pieces.count)
        var cursorAfter = TextPosition(line: a.line, column: 0)
        var pieceStart = 0
        for (k, piece) in pieces.enumerated() {
            var chars = Array(piece)
            let keep = k == 0 ? max(0, prefix.count - 1) : 0
            let pieceLength = piece.utf8.count
            if insertedEnd >= pieceStart, insertedEnd <= pieceStart + pieceLength {
                // Graphemes that start before the end of the inserted text: the cursor goes after them.
                var offset = pieceStart
                var column = 0
                for ch in chars where offset < insertedEnd {
                    offset += ch.utf8.count
                    column += 1
                }
                cursorAfter = TextPosition(line: a.line + k, column: keep + column)
            }
            if k == 0 { chars = Array(prefix.dropLast()) + chars }
            if k == pieces.count - 1 { chars += suffix.dropFirst() }
            newLines.append(chars)
            pieceStart += pieceLength + 1
        }

        let before = (cursorPosition, anchorPosition)
        lines.replaceSubrange(a.line...b.line, with: newLines)
        rowStarts.replaceSubrange(a.line...b.line, with: newLines.map { wrap($0) })
        cursorPosition = cursorAfter
        anchorPosition = nil
        goalColumn = nil

        if merge, var last = history.undoStack.popLast() {
            last.cursorAfter = cursorAfter
            last.anchorAfter = nil
            history.undoStack.append(last)
            history.redoStack.removeAll()
        } else {
            history.push(EditRecord(
                kind: kind, start: a.line, oldLines: oldLines, newCount: newLines.count,
                cursorBefore: before.0, anchorBefore: before.1, cursorAfter: cursorAfter, anchorAfter: nil))
        }
        scrollToCursor()
    }

    static func normalizedNewlines(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }

    // MARK: Motion

    /// Moves the cursor; with `selecting` (Shift) the selection grows from where the cursor was.
    /// Left/Right without Shift on a selection collapse it to its start/end.
    public mutating func move(_ motion: EditorMotion, selecting: Bool = false) {
        history.closeTyping()
        if !selecting, let range = selection, motion == .left || motion == .right {
            cursorPosition = motion == .left ? range.lowerBound : range.upperBound
            anchorPosition = nil
            goalColumn = nil
            scrollToCursor()
            return
        }
        if selecting { anchorPosition = anchorPosition ?? cursorPosition } else { anchorPosition = nil }
        var keepGoal = false
        switch motion {
        case .left: cursorPosition = before(cursorPosition)
        case .right: cursorPosition = after(cursorPosition)
        case .wordLeft: cursorPosition = wordLeft(from: cursorPosition)
        case .wordRight: cursorPosition = wordRight(from: cursorPosition)
        case .up: moveVertically(by: -1); keepGoal = true
        case .down: moveVertically(by: 1); keepGoal = true
        case .pageUp(let rows): moveVertically(by: -max(1, rows)); keepGoal = true
        case .pageDown(let rows): moveVertically(by: max(1, rows)); keepGoal = true
        case .lineStart: cursorPosition.column = 0
        case .lineEnd: cursorPosition.column = lines[cursorPosition.line].count
        case .documentStart: cursorPosition = .zero
        case .documentEnd: cursorPosition = endPosition
        }
        if !keepGoal { goalColumn = nil }
        if anchorPosition == cursorPosition { anchorPosition = nil }
        scrollToCursor()
    }

    public var endPosition: TextPosition { TextPosition(line: lines.count - 1, column: lines[lines.count - 1].count) }

    func before(_ p: TextPosition) -> TextPosition {
        if p.column > 0 { return TextPosition(line: p.line, column: p.column - 1) }
        if p.line > 0 { return TextPosition(line: p.line - 1, column: lines[p.line - 1].count) }
        return p
    }

    func after(_ p: TextPosition) -> TextPosition {
        if p.column < lines[p.line].count { return TextPosition(line: p.line, column: p.column + 1) }
        if p.line + 1 < lines.count { return TextPosition(line: p.line + 1, column: 0) }
        return p
    }

    /// The class of the grapheme after `p`; a line end counts as space.
    private func classAfter(_ p: TextPosition) -> WordClass {
        p.column < lines[p.line].count ? WordClass(lines[p.line][p.column]) : .space
    }

    private func classBefore(_ p: TextPosition) -> WordClass {
        p.column > 0 ? WordClass(lines[p.line][p.column - 1]) : .space
    }

    /// Skips spaces (and line ends), then one run of word or punctuation graphemes.
    func wordRight(from start: TextPosition) -> TextPosition {
        var p = start
        let end = endPosition
        while p != end, classAfter(p) == .space { p = after(p) }
        guard p != end else { return p }
        let cls = classAfter(p)
        while p.column < lines[p.line].count, classAfter(p) == cls { p.column += 1 }
        return p
    }

    /// Skips spaces (and line starts) backwards, then one run of word or punctuation graphemes.
    func wordLeft(from start: TextPosition) -> TextPosition {
        var p = start
        while p != .zero, classBefore(p) == .space { p = before(p) }
        guard p != .zero else { return p }
        let cls = classBefore(p)
        while p.column > 0, classBefore(p) == cls { p.column -= 1 }
        return p
    }

    private mutating func moveVertically(by delta: Int) {
        let (row, column) = visualPosition(of: cursorPosition)
        let goal = goalColumn ?? column
        goalColumn = goal
        let target = row + delta
        if target < 0 {
            cursorPosition = .zero
            return
        }
        guard let visual = visualRow(at: target) else {
            cursorPosition = endPosition
            return
        }
        cursorPosition = TextPosition(line: visual.line, column: columnIndex(in: visual, atDisplayColumn: goal))
    }

    /// The grapheme offset on `row` nearest to display column `goal` without passing it.
    private func columnIndex(in row: VisualRow, atDisplayColumn goal: Int) -> Int {
        let chars = lines[row.line]
        let limit = row.isLastOfLine ? row.end : max(row.start, row.end - 1)
        var col = 0
        var j = row.start
        while j < limit {
            let w = EditorGlyph.width(of: chars[j], atColumn: col, tabWidth: tabWidth)
            if col + w > goal { break }
            col += w
            j += 1
        }
        return j
    }

    // MARK: Layout

    /// Sets the view's size: the wrap width (re-wrapping every line if it changed) and the number of
    /// rows, then scrolls so the cursor is visible.
    public mutating func setViewport(width: Int, height: Int?) {
        setWrapWidth(width)
        viewHeight = height.map { max(1, $0) }
        scrollToCursor()
    }

    public mutating func setWrapWidth(_ width: Int) {
        let width = max(1, width)
        guard width != wrapWidth else { return }
        wrapWidth = width
        rowStarts = lines.map { wrap($0) }
        scrollToCursor()
    }

    /// Scrolls the view by `rows` (mouse wheel) without moving the cursor.
    public mutating func scroll(by rows: Int) {
        scrollTop = min(max(0, scrollTop + rows), max(0, visualRowCount - (viewHeight ?? 1)))
    }

    private func wrap(_ chars: [Character]) -> [Int] {
        EditorLineWrapper.rowStarts(chars, width: wrapWidth, tabWidth: tabWidth)
    }

    /// Visual rows in the whole text at `wrapWidth`.
    public var visualRowCount: Int { rowStarts.reduce(0) { $0 + $1.count } }

    /// Visual row and display column of a position at `wrapWidth`.
    public func visualPosition(of p: TextPosition) -> (row: Int, column: Int) {
        var row = 0
        for i in 0..<p.line { row += rowStarts[i].count }
        let starts = rowStarts[p.line]
        var k = starts.count - 1
        while k > 0, starts[k] > p.column { k -= 1 }
        return (row + k, EditorLineWrapper.width(lines[p.line], starts[k], p.column, tabWidth: tabWidth))
    }

    /// The cursor's visual row and display column at `wrapWidth`.
    public var cursorVisualPosition: (row: Int, column: Int) { visualPosition(of: cursorPosition) }

    /// The visual row with global index `index`, nil past the end.
    public func visualRow(at index: Int) -> VisualRow? {
        guard index >= 0 else { return nil }
        var rest = index
        for (i, starts) in rowStarts.enumerated() {
            if rest < starts.count { return makeRow(line: i, k: rest) }
            rest -= starts.count
        }
        return nil
    }

    /// Up to `count` visual rows starting at global row `first` (what a view draws).
    public func visualRows(from first: Int, count: Int) -> [VisualRow] {
        guard count > 0, first >= 0 else { return [] }
        var out: [VisualRow] = []
        var rest = first
        var i = 0
        while i < rowStarts.count, rest >= rowStarts[i].count {
            rest -= rowStarts[i].count
            i += 1
        }
        var k = rest
        while i < rowStarts.count, out.count < count {
            out.append(makeRow(line: i, k: k))
            k += 1
            if k >= rowStarts[i].count {
                i += 1
                k = 0
            }
        }
        return out
    }

    private func makeRow(line i: Int, k: Int) -> VisualRow {
        let starts = rowStarts[i]
        let start = starts[k]
        let isLast = k == starts.count - 1
        let end = isLast ? lines[i].count : starts[k + 1]
        return VisualRow(line: i, start: start, end: end, width: EditorLineWrapper.width(lines[i], start, end, tabWidth: tabWidth), isLastOfLine: isLast)
    }

    /// Every visual row at `width` and the cursor among them (computed fresh if `width` is not `wrapWidth`).
    public func layout(width: Int) -> EditorLayout {
        var copy = self
        copy.setWrapWidth(width)
        let (row, column) = copy.visualPosition(of: copy.cursorPosition)
        return EditorLayout(rows: copy.visualRows(from: 0, count: copy.visualRowCount), cursorRow: row, cursorColumn: column)
    }

    private mutating func scrollToCursor() {
        guard let height = viewHeight else { return }
        let row = visualPosition(of: cursorPosition).row
        if row < scrollTop { scrollTop = row }
        if row >= scrollTop + height { scrollTop = row - height + 1 }
        scrollTop = max(0, min(scrollTop, max(0, visualRowCount - height)))
    }
}
