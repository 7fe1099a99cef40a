import Evaluation
import PromptFiles
import TerminalUI

/// Importing cases in the Cases pane (`i`): a path typed in the one-line prompt, read by the effect runner
/// with the readers `cases = "FILE"` uses, then copied into the prompt file's inline `[[cases]]`.
///
/// Copied, not referenced: the file stays the one source of truth the pane edits, and an import can add to
/// cases already there. A file whose cases live elsewhere (`cases = "FILE"`) refuses, as every case edit does.
extension WorkbenchReducer {
    func askCaseImport(_ state: inout WorkbenchState) -> [Effect] {
        if let file = state.document.base.casesFile {
            state.notice = Notice("the cases live in \(file): add the rows there (an import copies cases into [[cases]])", level: .info, expiresAt: state.now + 6)
            return []
        }
        state.overlay = .textPrompt(TextPromptState(title: "Import cases: CSV or JSONL path", editor: TextEditorState(text: ""), purpose: .importCases))
        return []
    }

    /// The path was typed: relative paths are the prompt file's folder's, as `cases = "FILE"` is.
    func importCases(_ path: String, _ state: inout WorkbenchState) -> [Effect] {
        guard !path.isEmpty, let url = state.document.url else { return [] }
        state.notice = Notice("reading \(path)…", level: .info, expiresAt: state.now + 10)
        return [.readCaseFile(path: path, folder: url.deletingLastPathComponent())]
    }

    /// The file was read (or a row of it was bad: the message names the row and the column).
    func applyCasesImported(_ cases: [EvalCase], source: String, error: String?, _ state: inout WorkbenchState) -> [Effect] {
        if let error {
            state.notice = Notice("not imported: " + error, level: .error, expiresAt: state.now + 10)
            return []
        }
        guard !cases.isEmpty else {
            state.notice = Notice("\(source) has no cases", level: .info, expiresAt: state.now + 5)
            return []
        }
        let values = cases.map { CaseValues(name: $0.name, variables: $0.variables, expect: $0.expect) }
        guard editCases(.append(values), &state) else { return [] }
        // A variable the prompt uses that no imported case (and no default) fills would stop the evaluation: say so now.
        let missing = state.variables.names.filter { name in
            cases.allSatisfy { $0.variables[name] == nil } && (state.variables.values[name] ?? "").isEmpty
        }
        let count = "\(cases.count) case\(cases.count == 1 ? "" : "s")"
        if missing.isEmpty {
            state.notice = Notice("imported \(count) from \(source) into [[cases]]", level: .success, expiresAt: state.now + 6)
        } else {
            state.notice = Notice("imported \(count) from \(source); none has a value for " + missing.map { "{{\($0)}}" }.joined(separator: ", "),
                                  level: .warning, expiresAt: state.now + 10)
        }
        return reloadCases(state)
    }
}
