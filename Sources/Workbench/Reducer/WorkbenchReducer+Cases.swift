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
        guard state.document.url != nil else {
            state.notice = Notice("cases live in a prompt file: start with refract FILE.refract.toml", level: .info, expiresAt: state.now + 5)
            return []
        }
        state.cases = CasesState()
        return reloadCases(state)
    }

    func reloadCases(_ state: WorkbenchState) -> [Effect] {
        guard let url = state.document.url else { return [] }
        return [.loadCases(text: PromptFileWriter.text(of: state.promptDocument), file: url)]
    }

    func applyCasesLoaded(_ cases: [EvalCase], error: String?, _ state: inout WorkbenchState) {
        guard var pane = state.cases else { return }
        pane.cases = cases
        pane.error = error
        pane.loading = false
        pane.list = ListViewState(selected: cases.isEmpty ? nil : min(pane.list.selected ?? 0, cases.count - 1))
        pane.column = min(pane.column, max(0, pane.columns.count - 1))
        state.cases = pane
    }

    /// Changes the file's inline cases (kept in the document's base), then reads them back for the table.
    func applyCaseEdit(_ edit: CaseEdit, _ state: inout WorkbenchState) -> [Effect] {
        editCases(edit, &state) ? reloadCases(state) : []
    }

    /// The edit itself; false (with the reason shown) when it was refused.
    func editCases(_ edit: CaseEdit, _ state: inout WorkbenchState) -> Bool {
        var doc = state.document.base
        do throws(CaseEditError) {
            let selected = try doc.editCases(edit)
            state.document.base = doc
            state.document.casesRevision += 1
            if let selected { state.cases?.list.selected = selected }
            return true
        } catch {
            state.notice = Notice(error.message, level: .error, expiresAt: state.now + 6)
            return false
        }
    }

    /// Keys on the Cases pane; nil lets the key fall through.
    func handleCasesKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect]? {
        guard var pane = state.cases else { return nil }
        if let editor = pane.editing { return handleCaseValueKey(press, editor, &pane, &state) }
        guard let command = keymap.command(for: press, in: [.cases]) else { return nil }
        let row = pane.list.selected.flatMap { pane.cases.indices.contains($0) ? $0 : nil }
        let selected = row.map { pane.cases[$0] }
        let columns = pane.columns
        switch command {
        case .scrollUp: pane.list.moveSelection(by: -1, count: pane.cases.count)
        case .scrollDown: pane.list.moveSelection(by: 1, count: pane.cases.count)
        case .columnLeft: pane.column = max(0, pane.column - 1)
        case .columnRight: pane.column = min(max(0, columns.count - 1), pane.column + 1)
        case .confirm:
            guard let selected, columns.indices.contains(pane.column) else { return [] }
            if let file = state.document.base.casesFile {
                state.notice = Notice("the cases live in \(file): edit them there", level: .info, expiresAt: state.now + 5)
                return []
            }
            pane.editing = TextEditorState(text: CasesState.value(selected, columns[pane.column]))
        case .caseAdd:
            state.cases = pane
            return applyCaseEdit(.add(after: row, variables: state.variables.names), &state)
        case .caseDuplicate:
            guard let row else { return [] }
            state.cases = pane
            return applyCaseEdit(.duplicate(row), &state)
        case .caseDelete:
            guard let row, let selected else { return [] }
            state.cases = pane
            state.overlay = .confirm(ConfirmState(message: "Delete case \"\(selected.name)\" from the prompt file?", purpose: .deleteCase(row)))
            return []
        case .caseRun:
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
        case .caseImport:
            state.cases = pane
            return askCaseImport(&state)
        case .setRepeats:
            state.cases = pane
            return askRepeats(&state)
        case .close:
            state.cases = nil
            return []
        default:
            return nil
        }
        state.cases = pane
        return []
    }

    /// Typing a value: Enter writes it into the file's case, Esc leaves it as it was.
    func handleCaseValueKey(_ press: KeyPress, _ editor: TextEditorState, _ pane: inout CasesState, _ state: inout WorkbenchState) -> [Effect] {
        var editor = editor
        switch press.key {
        case .enter:
            pane.editing = nil
            state.cases = pane
            guard let row = pane.list.selected, pane.columns.indices.contains(pane.column) else { return [] }
            return applyCaseEdit(.set(row, pane.columns[pane.column], editor.text), &state)
        case .escape:
            pane.editing = nil
        case .backspace: editor.deleteBackward()
        case .delete: editor.deleteForward()
        case .left: editor.move(.left)
        case .right: editor.move(.right)
        case .home: editor.move(.lineStart)
        case .end: editor.move(.lineEnd)
        case .char(let ch) where press.modifiers.isDisjoint(with: [.ctrl, .alt]):
            editor.type(String(ch))
        default:
            break
        }
        if pane.editing != nil { pane.editing = editor }
        state.cases = pane
        return []
    }
}
