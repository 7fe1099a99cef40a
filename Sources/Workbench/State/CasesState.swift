import Evaluation
import PromptFiles
import TerminalUI

/// The Cases pane: the prompt file's test cases as a table (name, values, expected values), read by
/// the effect runner from `[[cases]]` or the file `cases = "…"` names.
public struct CasesState: Sendable {
    public var cases: [EvalCase] = []
    /// Why they could not be read, when they could not.
    public var error: String?
    /// Still being read.
    public var loading = true
    public var list = ListViewState(selected: 0)
    /// The column under the cursor (an index into `columns`).
    public var column = 0
    /// The value being edited, when one is.
    public var editing: TextEditorState?

    public init() {}

    /// The table's columns: the name, each variable, each expected value (names sorted: TOML tables keep no order).
    public var columns: [CaseField] {
        [.name] + Array(Set(cases.flatMap(\.variables.keys))).sorted().map { .variable($0) }
            + Array(Set(cases.flatMap(\.expect.keys))).sorted().map { .expect($0) }
    }

    /// The value of a case in a column.
    public static func value(_ c: EvalCase, _ field: CaseField) -> String {
        switch field {
        case .name: c.name
        case .variable(let key): c.variables[key] ?? ""
        case .expect(let key): c.expect[key] ?? ""
        }
    }

    /// A column's heading.
    public static func title(_ field: CaseField) -> String {
        switch field {
        case .name: "name"
        case .variable(let key): key
        case .expect(let key): "expect." + key
        }
    }
}
