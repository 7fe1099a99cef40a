import Evaluation
import TerminalUI

extension WorkbenchReducer {
    /// Keys on the evaluation matrix (and the open cell); nil lets the key fall through to the global commands.
    func handleEvaluationKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect]? {
        guard var evaluation = state.evaluation, evaluation.visible, let command = keymap.command(for: press, in: [.evaluation]) else { return nil }
        let rows = evaluation.shownRows
        let page = max(1, state.height - 8)
        switch command {
        case .scrollUp, .scrollDown, .pageUp, .pageDown:
            if var detail = evaluation.detail {
                let delta = command == .scrollUp ? -1 : command == .scrollDown ? 1 : command == .pageUp ? -page : page
                detail.scroll = max(0, detail.scroll + delta)
                evaluation.detail = detail
            } else {
                let delta = command == .scrollUp ? -1 : command == .scrollDown ? 1 : command == .pageUp ? -page : page
                evaluation.row = max(0, min(rows.count - 1, evaluation.row + delta))
            }
        case .columnLeft, .columnRight:
            let delta = command == .columnLeft ? -1 : 1
            if var detail = evaluation.detail {
                // In a cell, left and right step to the same case in the neighbouring column.
                detail.column = max(0, min(evaluation.columnCount - 1, detail.column + delta))
                detail.scroll = 0
                if detail.diffColumn == detail.column { detail.diffColumn = nil }
                evaluation.detail = detail
                evaluation.column = detail.column
            } else {
                evaluation.column = max(0, min(evaluation.columnCount - 1, evaluation.column + delta))
            }
        case .confirm:
            guard evaluation.detail == nil, rows.indices.contains(evaluation.row) else { break }
            evaluation.detail = EvaluationState.Detail(row: rows[evaluation.row], column: evaluation.column)
        case .diff:
            guard var detail = evaluation.detail else { break }
            guard evaluation.columnCount > 1 else {
                state.notice = Notice("one column only: nothing to diff against", level: .info, expiresAt: state.now + 3)
                break
            }
            // d cycles through the other columns, then back to the answer alone.
            let others = (0..<evaluation.columnCount).filter { $0 != detail.column }
            if let current = detail.diffColumn, let i = others.firstIndex(of: current) {
                detail.diffColumn = i + 1 < others.count ? others[i + 1] : nil
            } else {
                detail.diffColumn = others.first { $0 > detail.column } ?? others.first
            }
            detail.scroll = 0
            evaluation.detail = detail
        case .filterRows:
            let all = EvaluationState.Filter.allCases
            evaluation.filter = all[((all.firstIndex(of: evaluation.filter) ?? 0) + 1) % all.count]
            evaluation.row = 0
            let label = switch evaluation.filter {
            case .all: "all cases"
            case .failures: "cases with a failing cell"
            case .disagreements: "cases where the columns disagree"
            }
            state.notice = Notice("showing \(label) (\(evaluation.shownRows.count))", level: .info, expiresAt: state.now + 3)
        case .checkFilter:
            chooseNextCheck(&evaluation, &state)
        case .sortRows:
            evaluation.sortByPassRate.toggle()
            evaluation.row = 0
            state.notice = Notice(evaluation.sortByPassRate ? "sorted by pass rate, worst first" : "in the file's order", level: .info, expiresAt: state.now + 3)
        case .rerunCell:
            let row = evaluation.detail?.row ?? (rows.indices.contains(evaluation.row) ? rows[evaluation.row] : nil)
            let column = evaluation.detail?.column ?? evaluation.column
            guard let row else { break }
            state.evaluation = evaluation
            return rerunCells(evaluation.cellIndices(case: row, column: column), &state)
        case .rerunRow:
            // The case in every column (all its samples): the open cell's row, else the cursor's.
            guard let row = evaluation.detail?.row ?? (rows.indices.contains(evaluation.row) ? rows[evaluation.row] : nil) else { break }
            state.evaluation = evaluation
            let cells = (0..<evaluation.columnCount).flatMap { evaluation.cellIndices(case: row, column: $0) }
            return rerunCells(cells, &state, what: "case \"\(evaluation.plan.cases[row].name)\"")
        case .rerunColumn:
            // Every case of the column, whatever the filter shows: a column is one variant × model as a whole.
            let column = evaluation.detail?.column ?? evaluation.column
            guard evaluation.plan.columns.indices.contains(column) else { break }
            state.evaluation = evaluation
            let cells = (0..<evaluation.caseCount).flatMap { evaluation.cellIndices(case: $0, column: column) }
            return rerunCells(cells, &state, what: "column " + evaluation.columnName(column))
        case .retryFailed:
            state.evaluation = evaluation
            return rerunCells(unfinishedOrFailedCells(evaluation), &state)
        case .setRepeats:
            state.evaluation = evaluation
            return askRepeats(&state)
        case .evaluateNoCache:
            state.evaluation = evaluation
            return requestEvaluation(&state, useCache: false)
        case .close:
            if evaluation.detail != nil {
                evaluation.detail = nil
            } else if evaluationIsRunning(evaluation, state) {
                state.evaluation = evaluation
                return stopEvaluation(&state)
            } else {
                evaluation.visible = false
            }
        default:
            return nil
        }
        state.evaluation = evaluation
        return []
    }

    /// `c`: the next check by name, after the last one every check again. The rows stay as `f` says, now
    /// read through the chosen check, so `c` then `f` shows the cases that check fails.
    func chooseNextCheck(_ evaluation: inout EvaluationState, _ state: inout WorkbenchState) {
        let names = evaluation.checkNames
        guard !names.isEmpty else {
            state.notice = Notice("no checks in this evaluation: [[checks]] in the prompt file add them", level: .info, expiresAt: state.now + 4)
            return
        }
        if let current = evaluation.check, let i = names.firstIndex(of: current) {
            evaluation.check = i + 1 < names.count ? names[i + 1] : nil
        } else {
            evaluation.check = names[0]
        }
        // The rows shown may change; an open cell stays where it is.
        if evaluation.detail == nil { evaluation.row = 0 }
        guard let check = evaluation.check, let position = names.firstIndex(of: check) else {
            state.notice = Notice("every check again", level: .info, expiresAt: state.now + 3)
            return
        }
        let failing = (0..<evaluation.caseCount).filter { r in
            (0..<evaluation.columnCount).contains { c in evaluation.cellIndices(case: r, column: c).contains { [.fail, .error].contains(evaluation.shownStatus(ofCell: $0)) } }
        }.count
        let narrow = evaluation.filter == .all ? " (\(keymap.hint(for: .filterRows, in: .evaluation) ?? "filter"): only those)" : ""
        state.notice = Notice("check \(position + 1) of \(names.count): \(check) · \(failing) case\(failing == 1 ? " fails" : "s fail") it\(narrow)",
                              level: .info, expiresAt: state.now + 5)
    }
}
