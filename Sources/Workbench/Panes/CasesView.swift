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
        let panel = Panel(title: title, rightTitle: hint, focused: true, theme: theme)
        panel.render(in: area, into: &buffer)
        let inner = panel.inner(area)
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
        // Columns: the name, each variable, each expected value (in name order; the file's order is not kept by TOML tables).
        let variables = Array(Set(cases.cases.flatMap(\.variables.keys))).sorted()
        let expects = Array(Set(cases.cases.flatMap(\.expect.keys))).sorted()
        let headers = ["name"] + variables + expects.map { "expect." + $0 }
        let nameWidth = min(max(6, (cases.cases.map { TextWidth.of($0.name) }.max() ?? 4) + 2), inner.width / 3)
        let rest = max(1, headers.count - 1)
        let valueWidth = max(6, (inner.width - nameWidth) / rest)
        func widths(_ i: Int) -> Int { i == 0 ? nameWidth : valueWidth }
        var x = inner.x
        for (i, header) in headers.enumerated() {
            buffer.write(TextTruncation.truncate(header, toWidth: widths(i) - 1), x: x, y: inner.y, style: theme[.tableHeader], maxX: inner.maxX)
            x += widths(i)
        }
        let height = inner.height - 1
        let selected = cases.list.selected ?? 0
        let top = max(0, min(selected - height / 2, cases.cases.count - height))
        for line in 0..<max(0, min(height, cases.cases.count - top)) {
            let index = top + line
            let c = cases.cases[index]
            let y = inner.y + 1 + line
            let style = index == selected ? theme[.listSelected] : theme[.listText]
            if index == selected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: style)) }
            let values = [c.name] + variables.map { c.variables[$0] ?? "" } + expects.map { c.expect[$0] ?? "" }
            var cx = inner.x
            for (i, value) in values.enumerated() {
                let text = EvaluationMatrixView.firstLine(value)
                buffer.write(TextTruncation.truncate(text, toWidth: widths(i) - 1), x: cx, y: y, style: style, maxX: inner.maxX)
                cx += widths(i)
            }
        }
    }

    var hint: String {
        let run = keymap.hint(for: .confirm, in: .cases) ?? "Enter"
        let evaluate = keymap.hint(for: .caseEvaluate, in: .cases) ?? "e"
        return "\(run) run it · \(evaluate) evaluate it · Esc back"
    }
}
