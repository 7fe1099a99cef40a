/// Draws one row of text into cells: tabs expanded to stops from the row start, every grapheme
/// split into display clusters, each styled by its UTF-8 offset in the source.
enum RowPainter {
    /// Draws `source[range]` from column `x` up to `maxX` (exclusive); returns the column reached.
    @discardableResult
    static func draw(
        _ source: String, range: Range<Int>, x: Int, y: Int, maxX: Int, tabWidth: Int,
        into buffer: inout CellBuffer, style: (Int) -> Style
    ) -> Int {
        let clip = Rect(x: x, y: y, width: max(0, maxX - x), height: 1)
        var col = x
        var offset = range.lowerBound
        // Fast path: a printable ASCII byte followed by another ASCII byte (not a combining mark that
        // would join it) is one cell, with no grapheme breaking. Most model output is such text, and
        // breaking graphemes was the largest cost of drawing a frame. The rest goes the general way.
        _ = source.utf8.withContiguousStorageIfAvailable { bytes in
            let end = min(range.upperBound, bytes.count)
            while offset < end, col < maxX {
                let b = bytes[offset]
                guard b >= 0x20, b < 0x7F, offset + 1 >= end || bytes[offset + 1] < 0x80 else { return }
                buffer.set(x: col, y: y, Cell(String(UnicodeScalar(b)), style: style(offset)), clip: clip)
                col += 1
                offset += 1
            }
        }
        guard offset < range.upperBound, col < maxX else { return col }
        let utf8 = source.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: offset)
        let hi = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
        for grapheme in source[lo..<hi] {
            if col >= maxX { break }
            let s = style(offset)
            let utf8 = grapheme.utf8
            offset += utf8.count
            if utf8.count == 1, let b = utf8.first, b >= 0x20, b < 0x7F {
                buffer.set(x: col, y: y, Cell(String(UnicodeScalar(b)), style: s), clip: clip)
                col += 1
                continue
            }
            if grapheme == "\t" {
                let w = tabWidth - (col - x) % tabWidth
                for _ in 0..<w where col < maxX {
                    buffer.set(x: col, y: y, Cell(" ", style: s), clip: clip)
                    col += 1
                }
                continue
            }
            DisplayClusters.forEach(in: String(grapheme)) { cluster, w in
                buffer.set(x: col, y: y, Cell(cluster, width: UInt8(w), style: s), clip: clip)
                col += w
            }
        }
        return col
    }
}
