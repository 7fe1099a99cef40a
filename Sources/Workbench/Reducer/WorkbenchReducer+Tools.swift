import Evaluation
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

extension WorkbenchReducer {
    /// A run's `ask = true` tool wants an answer: a one-line prompt over whatever is open (a question
    /// already open is declined, so its run does not wait for ever).
    func askForToolAnswer(_ id: Int, runID: String, _ question: ToolQuestion, _ state: inout WorkbenchState) -> [Effect] {
        var effects: [Effect] = []
        if case .textPrompt(let open)? = state.overlay, case .toolAnswer(let previous) = open.purpose {
            effects.append(.answerTool(questionID: previous, answer: nil))
        }
        let arguments = TextSanitizer.plainSanitized(question.arguments)
        let title = "Tool \(TextSanitizer.plainSanitized(question.name)) asks (\(arguments)): type its answer, Enter sends, Esc declines"
        state.overlay = .textPrompt(TextPromptState(title: title, editor: TextEditorState(text: ""), purpose: .toolAnswer(questionID: id)))
        return effects
    }
}
