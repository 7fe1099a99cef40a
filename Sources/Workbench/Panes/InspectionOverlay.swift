import TerminalUI

/// F7: what the model receives, wrapped to the overlay and scrollable; section rules stand out.
struct InspectionOverlay: Widget {
    var shown: InspectionState
    var theme: ResolvedTheme

    func render(in screen: Rect, into buffer: inout CellBuffer) {
        let width = min(screen.width, 110)
        let height = max(3, screen.height - 2)
        let box = Overlay(title: "What \(shown.model) receives", rightTitle: "↑↓ scroll · Esc close", width: width, height: height, theme: theme)
        box.render(in: screen, into: &buffer)
        let inner = box.inner(in: screen)
        guard !inner.isEmpty else { return }
        let wrapper = WordWrapper(width: max(1, inner.width - 1))
        var rows: [(String, ThemeRole)] = []
        for line in shown.lines {
            let role: ThemeRole = line.hasPrefix("──") ? .paneTitleFocused : (line.hasPrefix("⚠") ? .warning : .overlayText)
            let text = TextSanitizer.plainSanitized(line)
            let wrapped = text.isEmpty ? [""] : wrapper.wrappedStrings(text)
            rows += wrapped.map { ($0, role) }
        }
        let top = min(shown.scroll, max(0, rows.count - inner.height))
        for (i, row) in rows.dropFirst(top).prefix(inner.height).enumerated() {
            buffer.write(row.0, x: inner.x + 1, y: inner.y + i, style: theme[row.1], maxX: inner.maxX)
        }
    }
}
