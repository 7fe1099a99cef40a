import Foundation
import TerminalUI

/// The prompt's context, one line each — attached files with their kind, size and token cost, the
/// schema, the tools — expanded in place to their first lines, JSON or image preview.
struct ContextPane: Widget, Equatable {
    var items: [ContextItem]
    var state: ContextState
    var focused: Bool
    var theme: ResolvedTheme

    /// One drawn row: an item's line, or one of its expanded rows.
    enum Line: Equatable {
        case item(Int)
        case row(item: Int, ContextItem.Row)
        /// The rows below an image's first row (the image covers them).
        case imageContinuation
    }

    /// Every row in order, with expanded items opened.
    static func lines(_ items: [ContextItem], expanded: Set<String>) -> [Line] {
        var out: [Line] = []
        for (index, item) in items.enumerated() {
            out.append(.item(index))
            guard expanded.contains(item.key) else { continue }
            for row in item.rows {
                out.append(.row(item: index, row))
                if case .image(_, let rows) = row { out += Array(repeating: .imageContinuation, count: max(0, rows - 1)) }
            }
        }
        return out
    }

    /// Rows the pane wants (its items and what is open), for the layout.
    static func wantedRows(_ items: [ContextItem], expanded: Set<String>) -> Int { lines(items, expanded: expanded).count }

    func render(in area: Rect, into buffer: inout CellBuffer) {
        let panel = Panel(title: PaneID.context.title, rightTitle: items.isEmpty ? nil : "\(items.count)", focused: focused, theme: theme)
        panel.render(in: area, into: &buffer)
        let inner = panel.inner(area)
        guard !inner.isEmpty else { return }
        guard !items.isEmpty else {
            let hint = "no files, schema or tools: [[attachments]], schema and [[tools]] in the prompt file show here"
            buffer.write(TextTruncation.truncate(hint, toWidth: inner.width), x: inner.x, y: inner.y, style: theme[.editorPlaceholder], maxX: inner.maxX)
            return
        }
        let lines = Self.lines(items, expanded: state.expanded)
        let selectedLine = lines.firstIndex(of: .item(min(state.selected, items.count - 1))) ?? 0
        // Keep the selected line and as much of its expansion as fits in view.
        let itemEnd = lines[(selectedLine + 1)...].firstIndex { if case .item = $0 { true } else { false } } ?? lines.count
        var offset = max(0, min(selectedLine, itemEnd - inner.height))
        offset = min(offset, max(0, lines.count - inner.height))
        var y = inner.y
        var index = offset
        // An image cut at the top would show its lower part as its top: skip its rest.
        while index < lines.count, lines[index] == .imageContinuation { index += 1; y += 1 }
        while index < lines.count, y < inner.maxY {
            switch lines[index] {
            case .item(let i):
                drawItemLine(items[i], selected: i == state.selected, y: y, inner: inner, into: &buffer)
            case .row(_, .text(let text)):
                buffer.write(TextTruncation.truncate(text, toWidth: max(0, inner.width - 2)), x: inner.x + 2, y: y, style: theme[.textDim], maxX: inner.maxX)
            case .row(_, .image(let key, let rows)):
                let rect = Rect(x: inner.x + 2, y: y, width: max(0, inner.width - 2), height: min(rows, inner.maxY - y))
                drawImage(key, in: rect, into: &buffer)
            case .imageContinuation:
                break
            }
            y += 1
            index += 1
        }
    }

    private func drawItemLine(_ item: ContextItem, selected: Bool, y: Int, inner: Rect, into buffer: inout CellBuffer) {
        let style = selected && focused ? theme[.listSelected] : theme[.text]
        buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: style))
        let marker = item.rows.isEmpty ? "·" : (state.expanded.contains(item.key) ? "▾" : "▸")
        // The name keeps its width when it is short; the detail gets the rest, at least half when both are long.
        let titleNeeded = TextWidth.of(item.title) + 2
        let detailWidth = min(TextWidth.of(item.detail), max(inner.width / 2, inner.width - titleNeeded - 1))
        let titleWidth = max(0, inner.width - detailWidth - 1)
        buffer.write(TextTruncation.truncate("\(marker) \(item.title)", toWidth: titleWidth), x: inner.x, y: y, style: style, maxX: inner.x + titleWidth)
        guard detailWidth > 0 else { return }
        let detail = TextTruncation.truncate(item.detail, toWidth: detailWidth)
        let detailStyle = selected && focused ? style : (item.detail == "missing" ? theme[.error] : theme[.textDim])
        buffer.write(detail, x: inner.maxX - TextWidth.of(detail), y: y, style: detailStyle, maxX: inner.maxX)
    }

    /// Half blocks from the decoded pixels, or a blank area a graphics protocol draws over.
    private func drawImage(_ key: String, in rect: Rect, into buffer: inout CellBuffer) {
        guard let preview = state.previews[key], let image = preview.image, !rect.isEmpty else { return }
        let (columns, rows) = BlockImage.fit(width: image.width, height: image.height, into: rect)
        let area = Rect(x: rect.x, y: rect.y, width: columns, height: rows)
        // The file's hash names the image to kitty: the same picture keeps its id across frames.
        let id = UInt32(key.prefix(6), radix: 16).map { $0 | 1 } ?? 1
        switch state.graphics {
        case .kitty where preview.png != nil:
            buffer.images.append(ImagePlacement(area: area, id: id, sequence: GraphicsSequence.kitty(png: preview.png!, id: id, columns: columns, rows: rows)))
        case .sixel:
            // Cells are assumed 10×20 pixels: the usual ratio; the terminal scales nothing.
            buffer.images.append(ImagePlacement(area: area, id: id, sequence: GraphicsSequence.sixel(image, widthPixels: columns * 10, heightPixels: rows * 20)))
        default:
            BlockImage(image: image, depth: theme.depth).render(in: rect, into: &buffer)
        }
    }
}
