/// Soft-wraps one editor line into rows.
///
/// Unlike `WordWrapper` (for reading), every cursor position must land inside the width: spaces
/// stay on a row only while they fit (a space that does not fit starts the next row), a row breaks
/// after its last space when a word would overflow, a word wider than the row breaks hard, and a
/// line whose last row is exactly full gets an extra empty row for the cursor after it.
enum EditorLineWrapper {
    /// Grapheme offsets where the rows of `chars` start (the first is always 0).
    static func rowStarts(_ chars: [Character], width: Int, tabWidth: Int) -> [Int] {
        let width = max(1, width)
        var starts = [0]
        var rowStart = 0
        var column = 0
        var breakAfter: Int?
        var i = 0
        while i < chars.count {
            let g = chars[i]
            var w = EditorGlyph.width(of: g, atColumn: column, tabWidth: tabWidth)
            if column + w > width, i > rowStart {
                if let b = breakAfter, b > rowStart, b <= i {
                    rowStart = b
                } else {
                    rowStart = i
                }
                starts.append(rowStart)
                breakAfter = nil
                column = 0
                for j in rowStart..<i { column += EditorGlyph.width(of: chars[j], atColumn: column, tabWidth: tabWidth) }
                w = EditorGlyph.width(of: g, atColumn: column, tabWidth: tabWidth)
                if column + w > width, i > rowStart {
                    rowStart = i
                    starts.append(i)
                    column = 0
                    w = EditorGlyph.width(of: g, atColumn: 0, tabWidth: tabWidth)
                }
            }
            column += w
            if g == " " || g == "\t" || g == "\u{3000}" { breakAfter = i + 1 }
            i += 1
        }
        if column >= width, !chars.isEmpty { starts.append(chars.count) }
        return starts
    }

    /// Display columns of `chars[start..<end]` laid out from column 0.
    static func width(_ chars: [Character], _ start: Int, _ end: Int, tabWidth: Int) -> Int {
        var column = 0
        var j = start
        while j < end {
            column += EditorGlyph.width(of: chars[j], atColumn: column, tabWidth: tabWidth)
            j += 1
        }
        return column
    }
}
