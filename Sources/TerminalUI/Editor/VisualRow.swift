/// One soft-wrapped row of the editor: graphemes `start..<end` of line `line`.
public struct VisualRow: Sendable, Hashable {
    public var line: Int
    public var start: Int
    public var end: Int
    /// Display columns of the row's graphemes (tabs expanded).
    public var width: Int
    /// True for the line's last row (the cursor may sit after its last grapheme).
    public var isLastOfLine: Bool

    public init(line: Int, start: Int, end: Int, width: Int, isLastOfLine: Bool) {
        self.line = line
        self.start = start
        self.end = end
        self.width = width
        self.isLastOfLine = isLastOfLine
    }
}

/// The editor laid out at a width: every visual row and where the cursor is among them.
public struct EditorLayout: Sendable, Hashable {
    public var rows: [VisualRow]
    /// Index in `rows` of the cursor's row.
    public var cursorRow: Int
    /// The cursor's display column on that row.
    public var cursorColumn: Int
}
