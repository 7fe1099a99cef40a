import Evaluation
import TerminalUI

/// The prompt file's test cases as a table: a row per case, its values and expected values.
struct CasesView {
    var cases: CasesState
    var theme: ResolvedTheme
    var keymap: Keymap
    var fileName: String

    func render(in area: Rect, into buffer: inout CellBuffer) {
        guard area.height >= 4, area.width >= 20 else { return }
        buffer.fill(area, with: Cell(" ", style: theme[.text]))
        let title = "Cases · \(fileName) · \(cases.cases.count) case\(cases.cases.count == 1 ? "" : "s")"
        let panel = Panel(title: title, focused: true, theme: theme)
        panel.render(in: area, into: &buffer)
        let box = panel.inner(area)
        // The keys on the last line inside the box (too many for the title bar).
        buffer.write(TextTruncation.truncate(hint(width: box.width), toWidth: box.width), x: box.x, y: box.maxY - 1, style: theme[.textDim], maxX: box.maxX)
        let inner = Rect(x: box.x, y: box.y, width: box.width, height: max(1, box.height - 1))
        if cases.loading {
            buffer.write(" reading…", x: inner.x, y: inner.y, style: theme[.textDim], maxX: inner.maxX)
            return
        }
        if let error = cases.error {
            buffer.write(TextTruncation.truncate(" " + TextSanitizer.plainSanitized(error), toWidth: inner.width), x: inner.x, y: inner.y,
                         style: theme[.error], maxX: inner.maxX)
            return
        }
        guard !cases.cases.isEmpty else {
            buffer.write(" no [[cases]] in the file (docs/evaluations.md shows how to add them)", x: inner.x, y: inner.y, style: theme[.textDim], maxX: inner.maxX)
            return
        }
        let columns = cases.columns
        let nameWidth = min(max(6, (cases.cases.map { TextWidth.of($0.name) }.max() ?? 4) + 2), inner.width / 3)
        let valueWidth = max(8, (inner.width - nameWidth) / max(1, columns.count - 1))
        func width(_ i: Int) -> Int { i == 0 ? nameWidth : valueWidth }
        // Columns that do not fit scroll sideways with the cursor.
        var first = 0
        while first < cases.column, (first...cases.column).reduce(0, { $0 + width($1) }) > inner.width { first += 1 }
        var x = inner.x
        for i in first..<columns.count where x < inner.maxX {
            let style = i == cases.column ? theme[.paneTitleFocused] : theme[.tableHeader]
            buffer.write(TextTruncation.truncate(CasesState.title(columns[i]), toWidth: width(i) - 1), x: x, y: inner.y, style: style, maxX: inner.maxX)
            x += width(i)
        }
        let height = inner.height - 1
        let selected = cases.list.selected ?? 0
        let top = max(0, min(selected - height / 2, cases.cases.count - height))
        var cursor: (x: Int, y: Int)?
        for line in 0..<max(0, min(height, cases.cases.count - top)) {
            let index = top + line
            let c = cases.cases[index]
            let y = inner.y + 1 + line
            let rowStyle = index == selected ? theme[.listSelected] : theme[.listText]
            if index == selected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: rowStyle)) }
            var cx = inner.x
            for i in first..<columns.count where cx < inner.maxX {
                let here = index == selected && i == cases.column
                let editing = here ? cases.editing : nil
                var text = editing?.text ?? EvaluationMatrixView.firstLine(CasesState.value(c, columns[i]))
                // While typing, the end of the value shows (where the cursor is).
                while editing != nil, TextWidth.of(text) > width(i) - 2, !text.isEmpty { text.removeFirst() }
                let style = here ? theme[.editorSelection] : rowStyle
                let end = buffer.write(TextTruncation.truncate(text, toWidth: width(i) - 1), x: cx, y: y, style: style, maxX: min(inner.maxX, cx + width(i) - 1))
                if editing != nil { cursor = (min(end, cx + width(i) - 2), y) }
                cx += width(i)
            }
        }
        buffer.cursor = cursor
    }

    /// The keys that fit in `width`: on a narrow screen the samples key goes first, then copy, then import (F1
    /// lists them all), so the way back always shows.
    func hint(width: Int) -> String {
        if cases.editing != nil { return "Enter save · Esc cancel" }
        var pairs: [(Command, String)] = [(.confirm, "edit"), (.caseAdd, "add"), (.caseDuplicate, "copy"), (.caseDelete, "delete"),
                                          (.caseRun, "run"), (.caseEvaluate, "evaluate"), (.caseImport, "import"), (.setRepeats, "samples"),
                                          (.close, "back")]
        func text() -> String {
            pairs.compactMap { command, label in keymap.hint(for: command, in: .cases).map { "\($0) \(label)" } }.joined(separator: " · ")
        }
        for optional in [Command.setRepeats, .caseDuplicate, .caseImport] where TextWidth.of(text()) > width {
            pairs.removeAll { $0.0 == optional }
        }
        return text()
    }
}
