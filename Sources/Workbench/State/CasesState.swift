import Evaluation
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

    public init() {}
}
