import TerminalUI

/// The cells each pane drew in the last frame, kept while the pane's inputs do not change.
///
/// While an answer streams only the response, the meter and the status bar change; the prompt fields, the
/// examples and the variables were re-laid out and re-drawn on every frame. A pane whose value (all its
/// inputs, theme included) and rectangle equal the last frame's is copied from here instead. The loop keeps
/// one cache (as it keeps a `ColumnTextCache`); a view without one draws everything.
public final class PaneCellCache {
    private struct Entry {
        var pane: any Equatable
        var rect: Rect
        var cells: [Cell]
        var cursor: (x: Int, y: Int)?
        /// Graphics-protocol images the pane placed (the context pane's previews).
        var images: [ImagePlacement]
    }

    private var entries: [Int: Entry] = [:]
    /// Panes copied from the cache and panes drawn, since the cache was made (for tests and benchmarks).
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init() {}

    /// Draws `pane` into `rect`, or copies what it drew last time when nothing it depends on changed.
    /// `slot` tells panes of the same type apart (the three prompt fields).
    func render<P: Widget & Equatable>(_ pane: P, slot: Int, in rect: Rect, into buffer: inout CellBuffer) {
        if let entry = entries[slot], entry.rect == rect, let last = entry.pane as? P, last == pane {
            hits += 1
            buffer.paste(entry.cells, in: rect)
            if let cursor = entry.cursor { buffer.cursor = cursor }
            buffer.images += entry.images
            return
        }
        misses += 1
        let before = buffer.cursor
        buffer.cursor = nil
        let imagesBefore = buffer.images.count
        pane.render(in: rect, into: &buffer)
        let cursor = buffer.cursor
        if cursor == nil { buffer.cursor = before }
        entries[slot] = Entry(pane: pane, rect: rect, cells: buffer.copy(rect), cursor: cursor, images: Array(buffer.images[imagesBefore...]))
    }
}
