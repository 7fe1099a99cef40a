/// A grid of cells that panes render into; frames are diffed against each other.
public struct CellBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes when this frame is shown; nil hides it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set {
            cursorX = newValue?.x
            cursorY = newValue?.y ?? 0
        }
    }
    private var cursorX: Int?
    private var cursorY = 0
    /// Images a graphics protocol draws over blank cells once the frame is shown (kitty, sixel).
    public var images: [ImagePlacement] = []

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Puts one cell, keeping wide graphemes whole: a wide cell that would be split by this write,
    /// or that does not fit before the right edge (or `clip`), becomes spaces.
    public mutating func set(x: Int, y: Int, _ cell: Cell, clip: Rect? = nil) {
        let bounds = clip.map { $0.intersection(area) } ?? area
        guard bounds.contains(x: x, y: y) else { return }
        clearOverlap(x: x, y: y)
        if cell.width == 2 {
            guard x + 1 < bounds.maxX else {
                cells[y * width + x] = Cell(" ", style: cell.style)
                return
            }
            clearOverlap(x: x + 1, y: y)
            cells[y * width + x] = cell
            cells[y * width + x + 1] = .continuation(style: cell.style)
        } else {
            cells[y * width + x] = cell
        }
    }

    /// If (x, y) is half of a wide grapheme, blanks the other half.
    private mutating func clearOverlap(x: Int, y: Int) {
        let i = y * width + x
        let old = cells[i]
        if old.isContinuation, x > 0, cells[i - 1].width == 2 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        } else if old.width == 2, x + 1 < width {
            cells[i + 1] = Cell(" ", style: old.style)
        }
    }

    /// Writes already-sanitised text starting at (x, y) on one row, stopping at `maxX` (exclusive).
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxX: Int? = nil) -> Int {
        let limit = min(maxX ?? width, width)
        guard y >= 0, y < height else { return x }
        var col = x
        var full = false
        let clip = Rect(x: 0, y: 0, width: limit, height: height)
        // One cell per display cluster (see `DisplayClusters`): what ncurses will draw in one cell.
        DisplayClusters.forEach(in: text) { cluster, w in
            if full { return }
            if col + w > limit { full = true; return }
            if col >= 0 { set(x: col, y: y, Cell(cluster, width: UInt8(w), style: style), clip: clip) }
            col += w
        }
        return col
    }

    /// Writes a run of cells as a terminal draws it (what `MemoryTerminal` does with `changes`):
    /// writing over half of a wide grapheme blanks the other half, a wide cell takes the run's
    /// continuation cell after it along, and a continuation with no wide cell before it in the run
    /// is ignored (a terminal cannot draw half a character). Returns the cells drawn.
    @discardableResult
    public mutating func apply(_ run: CellRun) -> Int {
        guard run.y >= 0, run.y < height else { return 0 }
        var drawn = 0
        var previousWide = false
        for (i, cell) in run.cells.enumerated() {
            let x = run.x + i
            guard x >= 0, x < width else { continue }
            if cell.isContinuation {
                if previousWide { cells[run.y * width + x] = cell }
                previousWide = false
                continue
            }
            set(x: x, y: run.y, cell)
            drawn += 1
            previousWide = cells[run.y * width + x].width == 2
        }
        return drawn
    }

    /// Fills a rectangle with one cell.
    /// The cells of `rect` (clipped to the buffer), row by row: what `paste(_:in:)` puts back.
    public func copy(_ rect: Rect) -> [Cell] {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return [] }
        var out: [Cell] = []
        out.reserveCapacity(r.width * r.height)
        for y in r.y..<r.maxY { out.append(contentsOf: cells[(y * width + r.x)..<(y * width + r.maxX)]) }
        return out
    }

    /// Puts back cells taken with `copy(rect)` from a buffer of the same size (a pane's cells kept between frames).
    public mutating func paste(_ saved: [Cell], in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty, saved.count == r.width * r.height else { return }
        let stride = width
        cells.withUnsafeMutableBufferPointer { dst in
            saved.withUnsafeBufferPointer { src in
                for row in 0..<r.height {
                    (dst.baseAddress! + (r.y + row) * stride + r.x).update(from: src.baseAddress! + row * r.width, count: r.width)
                }
            }
        }
    }

    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        guard cell.width == 1 else {
            for y in r.y..<r.maxY {
                for x in r.x..<r.maxX { set(x: x, y: y, cell, clip: r) }
            }
            return
        }
        // Narrow cells: only the edges can cut a wide grapheme in half; the inside is plain stores.
        for y in r.y..<r.maxY {
            clearOverlap(x: r.x, y: y)
            if r.maxX - 1 > r.x { clearOverlap(x: r.maxX - 1, y: y) }
            let base = y * width
            for i in (base + r.x)..<(base + r.maxX) { cells[i] = cell }
        }
    }

    /// Changes the style of every cell in `rect`, keeping the text.
    public mutating func restyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { transform(&cells[y * width + x].style) }
        }
    }

    /// The text of row `y`, continuation cells skipped.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where !self[x, y].isContinuation { s += self[x, y].grapheme }
        return s
    }

    /// Every row as text, trailing spaces removed: what screen tests compare against.
    public var lines: [String] {
        (0..<height).map { y in
            var l = line(y)
            while l.last == " " { l.removeLast() }
            return l
        }
    }

    /// The runs of cells that differ from `previous`; every row when sizes differ or there is none.
    public func changes(since previous: CellBuffer?) -> [CellRun] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { y in CellRun(x: 0, y: y, cells: Array(cells[(y * width)..<(y * width + width)])) }
        }
        var runs: [CellRun] = []
        for y in 0..<height {
            var x = 0
            let base = y * width
            while x < width {
                if cells[base + x] == previous.cells[base + x] {
                    x += 1
                    continue
                }
                var start = x
                // Never start a run on the right half of a wide grapheme.
                if cells[base + start].isContinuation, start > 0 { start -= 1 }
                var end = x
                while end < width, cells[base + end] != previous.cells[base + end] { end += 1 }
                if end < width, cells[base + end].isContinuation { end += 1 }
                if let last = runs.last, last.y == y, last.x + last.cells.count >= start {
                    runs[runs.count - 1].cells.append(contentsOf: cells[(base + last.x + last.cells.count)..<(base + end)])
                } else {
                    runs.append(CellRun(x: start, y: y, cells: Array(cells[(base + start)..<(base + end)])))
                }
                x = end
            }
        }
        return runs
    }

    public static func == (lhs: CellBuffer, rhs: CellBuffer) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursorX == rhs.cursorX && lhs.cursorY == rhs.cursorY
    }
}
