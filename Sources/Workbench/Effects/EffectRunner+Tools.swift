import Evaluation
import Foundation

extension EffectRunner {
    /// How a run's `ask = true` tools are answered in the workbench: the loop waits while a one-line
    /// prompt asks the person (`Action.toolAsked`); Esc or cancelling the run answers with an error.
    func askTool(_ runID: String) -> ToolAsk {
        { [queue] question in
            await withCheckedContinuation { continuation in
                let id = ToolQuestions.shared.wait(runID: runID, continuation)
                queue.send(.toolAsked(questionID: id, runID: runID, question: question))
            }
        }
    }
}
