extension CellBuffer {
    /// Writes a run of cells as a terminal would draw it: each wide cell also fills the cell to its
    /// right (so the run's continuation cell after it is skipped), and writing over half of a wide
    /// grapheme blanks the other half. A continuation cell with no wide cell before it in the run
    /// is ignored (a terminal cannot draw half a character). Returns the cells drawn.
    @discardableResult
    public mutating func apply(_ run: CellRun) -> Int {
        var drawn = 0
        for (i, cell) in run.cells.enumerated() where !cell.isContinuation {
            set(x: run.x + i, y: run.y, cell)
            drawn += 1
        }
        return drawn
    }
}
