/// Soft-wraps one editor line into rows, with the same rules as `WordWrapper`: rows break after
/// a run of spaces, a word wider than the row breaks hard, a wide grapheme never straddles the
/// edge, and spaces that overflow hang at the end of their row (the view clamps a cursor placed
/// before a hanging space to the last column). A line whose last row is full gets an extra empty
/// row, so the cursor after it has a cell to sit in.
enum EditorLineWrapper {
    /// Grapheme offsets where the rows of `chars` start (the first is always 0).
    static func rowStarts(_ chars: [Character], width: Int, tabWidth: Int) -> [Int] {
        let width = max(1, width)
        var starts = [0]
        var rowStart = 0
        var column = 0
        var hasContent = false
        var breakAfter: Int?
        var i = 0
        while i < chars.count {
            let g = chars[i]
            let isSpace = g == " " || g == "\t" || g == "\u{3000}"
            var w = EditorGlyph.width(of: g, atColumn: column, tabWidth: tabWidth)
            if !isSpace, column + w > width, i > rowStart {
                rowStart = breakAfter ?? i
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
            if isSpace {
                if hasContent { breakAfter = i + 1 }
            } else {
                hasContent = true
            }
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
