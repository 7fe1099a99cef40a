import Evaluation
import Foundation
import Providers
import Sessions
import TerminalUI

/// One evaluation cell opened: its figures, every check with its result and reason (a judge's answer
/// too), then the answer — or a word diff against the same case in another column.
struct EvaluationCellView {
    var evaluation: EvaluationState
    var detail: EvaluationState.Detail
    var state: WorkbenchState
    var theme: ResolvedTheme

    func run(ofCell index: Int) -> RunState? {
        EvaluationMatrixView.runPosition(evaluation, index, state.runs).map { state.runs[$0] }
    }

    func render(in rect: Rect, into buffer: inout CellBuffer) {
        let key = evaluation.plan.columns[detail.column]
        let caseName = evaluation.plan.cases[detail.row].name
        let indices = evaluation.cellIndices(case: detail.row, column: detail.column)
        let title = "\(caseName) · \(key.variant) · \(key.model)"
        let panel = Panel(title: title, rightTitle: "column \(detail.column + 1) of \(evaluation.columnCount)", focused: true, theme: theme)
        panel.render(in: rect, into: &buffer)
        let inner = panel.inner(rect)
        guard inner.height >= 1, inner.width >= 4 else { return }
        var wrapped = WrappedText(width: max(1, inner.width))
        if indices.isEmpty {
            wrapped.append("This case does not run on instruction \"\(key.variant)\" (its variants = […] leaves it out).", role: .textDim)
        }
        for (sample, index) in indices.enumerated() {
            if indices.count > 1 { wrapped.append((sample == 0 ? "" : "\n") + "── sample \(sample + 1) of \(indices.count) ──\n", role: .tableHeader) }
            appendCell(index, into: &wrapped)
        }
        let top = min(detail.scroll, max(0, wrapped.lineCount - inner.height))
        Paragraph(wrapped, scroll: top, theme: theme).render(in: inner, into: &buffer)
    }

    func appendCell(_ index: Int, into wrapped: inout WrappedText) {
        let cell = evaluation.cells[index]
        let run = self.run(ofCell: index)
        // The cell's own outcome here: every check is listed below, the chosen one marked.
        let (mark, role) = EvaluationMatrixView.mark(evaluation, [index], run: run, now: state.now, byCheck: false)
        let status = evaluation.status(ofCell: index).map(\.rawValue) ?? (run?.phase.isActive ?? false ? "running" : "grading")
        var facts = [status]
        if cell.cached != nil { facts.append("cached") }
        if let run {
            let latency = cell.cached?.latencyMs.map { Double($0) / 1000 } ?? run.endedAt.map { $0 - run.startedAt }
            if let latency { facts.append(MeterFormat.seconds(latency)) }
            if let cost = cell.cached?.costUSD ?? run.cost { facts.append(MeterFormat.usd(cost)) } else if run.price == nil { facts.append("unpriced") }
            facts.append("\(run.outputTokens.count) tokens")
        }
        wrapped.append("\(mark) " + facts.joined(separator: " · ") + "\n", role: role)
        if let error = run?.result.error { wrapped.append("✖ " + TextSanitizer.plainSanitized(error.description) + "\n", role: .error) }
        if let checks = cell.checks {
            wrapped.append(checks.isEmpty ? "no checks apply to this cell\n" : "checks:\n", role: .responseMeta)
            for check in checks {
                let (m, r): (String, ThemeRole) = switch check.status {
                case .pass: ("✓", .success)
                case .fail: ("✗", .error)
                case .error: ("!", .warning)
                }
                wrapped.append(check.name == evaluation.check ? "▸ \(m) " : "  \(m) ", role: r)
                let label = check.name == check.type ? check.type : "\(check.name) (\(check.type))"
                wrapped.append(TextSanitizer.plainSanitized(label) + ": ", role: .variableName)
                wrapped.append(TextSanitizer.plainSanitized(check.reason) + "\n", role: .responseText)
                if let judge = check.judge {
                    let cost = judge.costUSD.map { " · " + MeterFormat.usd($0) } ?? ""
                    wrapped.append("      judge \(judge.model)\(cost): ", role: .responseMeta)
                    wrapped.append(TextSanitizer.plainSanitized(judge.answer) + "\n", role: .responseReasoning)
                }
            }
        }
        wrapped.append("\n", role: .text)
        let answer = run?.result.text ?? ""
        if let other = detail.diffColumn, let otherIndex = evaluation.cellIndices(case: detail.row, column: other).first {
            let otherKey = evaluation.plan.columns[other]
            let otherText = self.run(ofCell: otherIndex)?.result.text ?? ""
            let diff = WordDiff(old: otherText, new: answer)
            wrapped.append("word diff from \(otherKey.variant) · \(otherKey.model) ([-only there-] {+only here+}):\n", role: .responseMeta)
            wrapped.appendWordDiff(diff)
            wrapped.append("\n", role: .text)
        } else {
            wrapped.append("answer:\n", role: .responseMeta)
            wrapped.append(TextSanitizer.sanitize(answer), role: .responseText, inertRole: .responseInert)
            wrapped.append("\n", role: .text)
        }
    }
}
