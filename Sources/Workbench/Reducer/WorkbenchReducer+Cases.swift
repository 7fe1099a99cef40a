import Evaluation
import PromptFiles
import TerminalUI

extension WorkbenchReducer {
    /// F9: the prompt file's cases as a table (read off the UI thread: `cases = "FILE"` may name a CSV or a folder).
    func openCases(_ state: inout WorkbenchState) -> [Effect] {
        if state.cases != nil {
            state.cases = nil
            return []
        }
        guard let url = state.document.url else {
            state.notice = Notice("cases live in a prompt file: start with refract FILE.refract.toml", level: .info, expiresAt: state.now + 5)
            return []
        }
        state.cases = CasesState()
        return [.loadCases(text: PromptFileWriter.text(of: state.promptDocument), file: url)]
    }

    func applyCasesLoaded(_ cases: [EvalCase], error: String?, _ state: inout WorkbenchState) {
        guard var pane = state.cases else { return }
        pane.cases = cases
        pane.error = error
        pane.loading = false
        pane.list = ListViewState(selected: cases.isEmpty ? nil : min(pane.list.selected ?? 0, cases.count - 1))
        state.cases = pane
    }

    /// Keys on the Cases pane; nil lets the key fall through.
    func handleCasesKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect]? {
        guard var pane = state.cases, let command = keymap.command(for: press, in: [.cases]) else { return nil }
        let selected = pane.list.selected.flatMap { pane.cases.indices.contains($0) ? pane.cases[$0] : nil }
        switch command {
        case .scrollUp: pane.list.moveSelection(by: -1, count: pane.cases.count)
        case .scrollDown: pane.list.moveSelection(by: 1, count: pane.cases.count)
        case .confirm:
            guard let selected else { return [] }
            // The case's values go into the Variables table (kept there, like any typed value), then the prompt runs.
            state.variables.values.merge(selected.variables) { _, new in new }
            refreshVariables(&state)
            state.cases = nil
            state.evaluation?.visible = false
            state.comparison?.visible = false
            let effects = startRun(&state)
            if !effects.isEmpty { state.notice = Notice("running case \"\(selected.name)\" on \(state.model)", level: .info, expiresAt: state.now + 4) }
            return effects
        case .caseEvaluate:
            guard let selected else { return [] }
            state.cases = nil
            return requestEvaluation(&state, useCache: true, caseNames: [selected.name])
        case .close:
            state.cases = nil
            return []
        default:
            return nil
        }
        state.cases = pane
        return []
    }
}
