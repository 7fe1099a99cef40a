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
        let startIndex = utf8.index(utf8.startIndex, offsetBy: start)
        var row = RowState(start: start)
        var offset = start
        for grapheme in text[startIndex...] {
            let length = grapheme.utf8.count
            defer { offset += length }
            if grapheme == "\n" || grapheme == "\r\n" {
                lines.append(WrappedLine(range: row.start..<offset, width: min(row.column, width), endsParagraph: true))
                row = RowState(start: offset + length)
                continue
            }
            let isTab = grapheme == "\t"
            if isTab || grapheme == " " || grapheme == "\u{3000}" {
                let w = isTab ? tabWidth - row.column % tabWidth : TextWidth.of(grapheme)
                if row.hasContent { row.inSpaces = true }
                row.column += w
                continue
            }
            let w = TextWidth.of(grapheme)
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
        lines.append(WrappedLine(range: row.start..<offset, width: min(row.column, width), endsParagraph: true))
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
