/// How wide a table column is.
public enum ColumnWidth: Sendable, Hashable {
    /// Exactly this many columns.
    case fixed(Int)
    /// As wide as its widest cell or header, at most `max`.
    case content(max: Int)
    /// A share of what is left after the other columns, by weight.
    case fill(weight: Int)
}

/// One column of a `Table`.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: ColumnWidth
    /// Right-aligned (numbers, money).
    public var alignRight: Bool

    public init(_ title: String, width: ColumnWidth = .fill(weight: 1), alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}

/// Rows of cells under a header, with computed column widths and `…` where text does not fit.
public struct Table: Widget {
    public var columns: [TableColumn]
    public var rows: [[String]]
    public var selected: Int?
    /// First row shown (the view scrolls further to keep `selected` visible).
    public var offset: Int
    public var theme: ResolvedTheme
    /// Spaces between columns.
    public var spacing: Int
    public var showsHeader: Bool

    public init(
        columns: [TableColumn], rows: [[String]], selected: Int? = nil, offset: Int = 0, theme: ResolvedTheme,
        spacing: Int = 1, showsHeader: Bool = true
    ) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.offset = offset
        self.theme = theme
        self.spacing = spacing
        self.showsHeader = showsHeader
    }

    /// The width of each column in a table `width` columns wide.
    public func columnWidths(for width: Int) -> [Int] {
        var widths = [Int](repeating: 0, count: columns.count)
        for (i, column) in columns.enumerated() {
            switch column.width {
            case .fixed(let n):
                widths[i] = max(0, n)
            case .content(let maxWidth):
                var w = TextWidth.of(column.title)
                for row in rows where i < row.count { w = max(w, TextWidth.of(row[i])) }
                widths[i] = min(w, maxWidth)
            case .fill:
                break
            }
        }
        let gaps = spacing * max(0, columns.count - 1)
        var left = width - gaps - widths.reduce(0, +)
        let weights = columns.map { if case .fill(let w) = $0.width { max(0, w) } else { 0 } }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0, left > 0 {
            var given = 0
            var lastFill = 0
            for (i, w) in weights.enumerated() where w > 0 {
                widths[i] = left * w / totalWeight
                given += widths[i]
                lastFill = i
            }
            widths[lastFill] += left - given
            left = 0
        }
        // Too narrow: take columns back from the right.
        var i = columns.count - 1
        while left < 0, i >= 0 {
            let take = min(widths[i], -left)
            widths[i] -= take
            left += take
            i -= 1
        }
        return widths
    }

    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let text = theme[.text]
        buffer.fill(area, with: Cell(" ", style: text))
        let widths = columnWidths(for: area.width)
        var y = area.y
        if showsHeader {
            drawRow(columns.map(\.title), widths: widths, y: y, area: area, style: theme[.tableHeader], into: &buffer)
            y += 1
        }
        let height = area.maxY - y
        let first = ListViewState.offset(keeping: selected, visibleIn: height, from: offset)
        for (row, index) in (first..<min(rows.count, first + max(0, height))).enumerated() {
            let isSelected = index == selected
            let style = isSelected ? theme[.listSelected] : text
            if isSelected { buffer.fill(Rect(x: area.x, y: y + row, width: area.width, height: 1), with: Cell(" ", style: style)) }
            drawRow(rows[index], widths: widths, y: y + row, area: area, style: style, into: &buffer)
        }
    }

    private func drawRow(_ cells: [String], widths: [Int], y: Int, area: Rect, style: Style, into buffer: inout CellBuffer) {
        var x = area.x
        for (i, column) in columns.enumerated() {
            let w = widths[i]
            if w > 0 {
                let cell = i < cells.count ? cells[i] : ""
                buffer.write(TextTruncation.fit(cell, toWidth: w, alignRight: column.alignRight), x: x, y: y, style: style, maxX: min(area.maxX, x + w))
            }
            x += w + spacing
        }
    }
}
