/// Wraps text to a width in display columns.
///
/// Greedy: rows break at spaces; a word longer than the width is broken hard; a grapheme is never
/// split and a wide character never straddles the edge; `\n` (and `\r\n`) is a hard break; tabs go
/// to the next multiple of `tabWidth` from the row start. Spaces that overflow a row hang past the
/// edge (kept in the row's range so ranges cover the whole text, not counted in its width).
/// A row's break depends only on the text up to the first grapheme of the next row, which is what
/// lets `WrappedText` re-wrap only the last two rows when text is appended.
public struct WordWrapper: Sendable, Hashable {
    /// Columns per row (at least 1).
    public var width: Int
    /// Columns between tab stops.
    public var tabWidth: Int

    public init(width: Int, tabWidth: Int = 4) {
        self.width = max(1, width)
        self.tabWidth = max(1, tabWidth)
    }

    /// The rows of `text`; always at least one (an empty text is one empty row).
    public func wrap(_ text: String) -> [WrappedLine] {
        var lines: [WrappedLine] = []
        wrap(text, from: 0, into: &lines)
        return lines
    }

    /// The rows of `text` as strings (convenience for widgets and tests).
    public func wrappedStrings(_ text: String) -> [String] {
        wrap(text).map { String($0.text(in: text)) }
    }

    /// Wraps `text` from UTF-8 offset `start` (which must be a row start) to its end, appending rows.
    public func wrap(_ text: String, from start: Int, into lines: inout [WrappedLine]) {
        let utf8 = text.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: start)
        let end = utf8.endIndex
        var row = RowState(start: start)
        var offset = start
        while index < end {
            let b = utf8[index]
            let next = utf8.index(after: index)
            let kind: GraphemeKind
            // An ASCII byte followed by ASCII (or the end) is a whole grapheme; anything else (a
            // combining mark may follow, or \r\n) takes the grapheme-breaking path.
            if b < 0x80, b != 0x0D, next == end || utf8[next] < 0x80 {
                kind = GraphemeKind(ascii: b)
                index = next
            } else {
                kind = GraphemeKind(text[index])
                index = text.index(after: index)
            }
            step(kind, at: offset, row: &row, lines: &lines)
            offset += kind.length
        }
        lines.append(WrappedLine(range: row.start..<offset, width: min(row.column, width), endsParagraph: true))
    }

    /// Adds one grapheme to the row, ending rows as needed.
    @inline(__always)
    private func step(_ kind: GraphemeKind, at offset: Int, row: inout RowState, lines: inout [WrappedLine]) {
        if kind.isNewline {
            lines.append(WrappedLine(range: row.start..<offset, width: min(row.column, width), endsParagraph: true))
            row = RowState(start: offset + kind.length)
            return
        }
        if kind.isSpace {
            let w = kind.isTab ? tabWidth - row.column % tabWidth : kind.width
            if row.hasContent { row.inSpaces = true }
            row.column += w
            return
        }
        let w = kind.width
        if row.inSpaces {
            row.breakOffset = offset
            row.breakColumn = row.column
            row.inSpaces = false
        }
        if row.column + w > width, row.column > 0 {
            if let breakOffset = row.breakOffset {
                lines.append(WrappedLine(range: row.start..<breakOffset, width: min(row.breakColumn, width), endsParagraph: false))
                let carried = row.column - row.breakColumn
                row = RowState(start: breakOffset)
                row.column = carried
                row.hasContent = carried > 0 || breakOffset < offset
            }
            if row.column + w > width, row.column > 0 {
                lines.append(WrappedLine(range: row.start..<offset, width: min(row.column, width), endsParagraph: false))
                row = RowState(start: offset)
            }
        }
        row.column += w
        row.hasContent = true
    }
}

/// The row being filled while wrapping.
private struct RowState {
    var start: Int
    var column = 0
    var hasContent = false
    var inSpaces = false
    /// Where the next row starts if this one breaks at its last space run, and the columns before it.
    var breakOffset: Int?
    var breakColumn = 0

    init(start: Int) { self.start = start }
}

/// What the wrapper needs to know about one grapheme, with a fast path for ASCII.
struct GraphemeKind {
    var length: Int
    var width: Int
    var isNewline = false
    var isSpace = false
    var isTab = false

    /// A one-byte ASCII grapheme.
    @inline(__always)
    init(ascii b: UInt8) {
        length = 1
        width = b >= 0x20 && b < 0x7F ? 1 : 0
        switch b {
        case 0x0A: isNewline = true
        case 0x20: isSpace = true
        case 0x09: isSpace = true; isTab = true
        default: break
        }
    }

    @inline(__always)
    init(_ grapheme: Character) {
        let utf8 = grapheme.utf8
        if utf8.count == 1, let b = utf8.first {
            self.init(ascii: b)
            return
        }
        self.init(length: utf8.count, width: TextWidth.of(grapheme), isNewline: grapheme == "\r\n", isSpace: grapheme == "\u{3000}")
    }

    private init(length: Int, width: Int, isNewline: Bool, isSpace: Bool) {
        self.length = length
        self.width = width
        self.isNewline = isNewline
        self.isSpace = isSpace
    }
}
