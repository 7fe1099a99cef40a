import TerminalUI

/// One line of label/value groups, left to right, each drawn whole or not at all — so a narrow
/// meter loses figures rather than cutting one in half. Groups come in priority order.
struct SegmentLine {
    /// A label-and-value group.
    typealias Group = [(String, ThemeRole)]

    var groups: [Group]
    /// The last group may be shortened with an ellipsis (free text such as a price source).
    var shortenLast = false
    var gap = 2

    func render(in row: Rect, into buffer: inout CellBuffer, theme: ResolvedTheme) {
        var x = row.x
        for (index, group) in groups.enumerated() {
            let space = x == row.x ? 0 : gap
            let width = group.reduce(0) { $0 + TextWidth.of($1.0) }
            let mayShorten = shortenLast && index == groups.count - 1
            if x + space + width > row.maxX, !mayShorten { continue }
            x += space
            for (text, role) in group where x < row.maxX {
                x = buffer.write(TextTruncation.truncate(text, toWidth: row.maxX - x), x: x, y: row.y, style: theme[role], maxX: row.maxX)
            }
        }
    }
}
