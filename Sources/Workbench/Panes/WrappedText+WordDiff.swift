import Sessions
import TerminalUI

extension WrappedText {
    /// A word diff in git's `--word-diff` markers (`{+added+}`, `[-removed-]`, `[~moved~]{~to~}`), so it
    /// reads without colour too (NO_COLOR, 16-colour themes); the text itself is sanitised.
    mutating func appendWordDiff(_ diff: WordDiff) {
        for segment in diff.segments {
            let (open, close, role): (String, String, ThemeRole) = switch segment.kind {
            case .same: ("", "", .responseText)
            case .added: ("{+", "+}", .diffAdded)
            case .removed: ("[-", "-]", .diffRemoved)
            case .moved(.old, _): ("[~", "~]", .diffMoved)
            case .moved(.new, _): ("{~", "~}", .diffMoved)
            }
            if !open.isEmpty { append(open, role: role) }
            append(TextSanitizer.sanitize(segment.text), role: role, inertRole: .responseInert)
            if !close.isEmpty { append(close, role: role) }
        }
    }
}
