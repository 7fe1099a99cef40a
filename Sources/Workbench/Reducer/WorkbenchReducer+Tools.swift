import Foundation
import Providers
import TerminalUI

extension WorkbenchReducer {
    /// Shows what a tool part added to the run's transcript (a call's name, its arguments as they
    /// stream, an answer) in the response pane, after the text held so far.
    func showToolStep(from shownBefore: Int, of run: RunState, _ state: inout WorkbenchState) {
        let shown = run.result.shownText
        guard shown.utf8.count > shownBefore else { return }
        let piece = String(decoding: shown.utf8.dropFirst(shownBefore), as: UTF8.self)
        appendSanitized(flushSanitizer(&state), role: .responseText, &state)
        let role: ThemeRole = run.result.toolResults.last.map { $0.isError && piece.hasPrefix("\n✗") } == true ? .error : .responseMeta
        appendSanitized(TextSanitizer.sanitize(piece), role: role, &state)
    }
}

extension RunState {
    /// The answer as a screen shows it: a looped run's calls and answers in place, a branch's prefix first.
    public var shownAnswer: String { (branch?.prefix ?? "") + result.shownText }
}
