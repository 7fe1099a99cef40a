/// One row of a `ListView`.
public struct ListItem: Sendable, Hashable {
    public var text: String
    /// Shown right-aligned in `text.dim` when there is room (a price, a date).
    public var detail: String?
    /// Grapheme offsets in `text` to highlight as fuzzy-match hits (`FuzzyMatch.positions`).
    public var matches: [Int]

    public init(_ text: String, detail: String? = nil, matches: [Int] = []) {
        self.text = text
        self.detail = detail
        self.matches = matches
    }
}

/// What a list remembers between frames: the selection and the first visible row.
public struct ListViewState: Sendable, Hashable {
    public var selected: Int?
    public var offset: Int

    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows, clamped to `count` items (selecting the first if none).
    public mutating func moveSelection(by delta: Int, count: Int) {
        guard count > 0 else { selected = nil; return }
        selected = min(max(0, (selected ?? (delta > 0 ? -1 : count)) + delta), count - 1)
    }

    /// Adjusts `offset` so the selection is inside a viewport of `height` rows.
    public mutating func scrollToSelection(height: Int) {
        offset = ListViewState.offset(keeping: selected, visibleIn: height, from: offset)
    }

    /// The offset that shows `selected` in `height` rows, moving as little as possible from `offset`.
    public static func offset(keeping selected: Int?, visibleIn height: Int, from offset: Int) -> Int {
        guard let selected, height > 0 else { return max(0, offset) }
        if selected < offset { return selected }
        if selected >= offset + height { return selected - height + 1 }
        return max(0, offset)
    }
}

/// A scrolling list with a highlighted selection and fuzzy-match highlighting.
public struct ListView: Widget {
    public var items: [ListItem]
    public var state: ListViewState
    public var theme: ResolvedTheme
    /// Drawn before the selected row's text (and as spaces before the others).
    public var selectionMarker: String

    public init(items: [ListItem], state: ListViewState, theme: ResolvedTheme, selectionMarker: String = "› ") {
        self.items = items
        self.state = state
        self.theme = theme
        self.selectionMarker = selectionMarker
    }

    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let normal = theme[.listText]
        buffer.fill(area, with: Cell(" ", style: normal))
        let offset = ListViewState.offset(keeping: state.selected, visibleIn: area.height, from: state.offset)
        let markerWidth = TextWidth.of(selectionMarker)
        for row in 0..<area.height {
            let index = offset + row
            guard index < items.count else { break }
            let item = items[index]
            let y = area.y + row
            let isSelected = index == state.selected
            let base = isSelected ? theme[.listSelected] : normal
            let match = base.accented(by: theme[.listMatch])
            if isSelected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(" ", style: base)) }
            var x = area.x
            if markerWidth > 0 {
                x = buffer.write(isSelected ? selectionMarker : String(repeating: " ", count: markerWidth), x: x, y: y, style: base, maxX: area.maxX)
            }
            var textRoom = area.maxX - x
            if let detail = item.detail {
                let detailWidth = TextWidth.of(detail)
                if detailWidth + 2 <= textRoom / 2 {
                    let detailStyle = isSelected ? base : base.accented(by: theme[.textDim])
                    buffer.write(detail, x: area.maxX - detailWidth, y: y, style: detailStyle, maxX: area.maxX)
                    textRoom -= detailWidth + 1
                }
            }
            let shown = TextTruncation.truncate(item.text, toWidth: textRoom)
            let hits = Set(item.matches)
            var position = 0
            for grapheme in shown {
                x = buffer.write(String(grapheme), x: x, y: y, style: hits.contains(position) ? match : base, maxX: area.maxX)
                position += 1
            }
        }
    }
}
