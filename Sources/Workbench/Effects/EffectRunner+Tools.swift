import Evaluation
import Foundation

extension EffectRunner {
    /// How a run's `ask = true` tools are answered in the workbench. Not wired to a prompt yet: the
    /// call gets an error answer saying it cannot be answered here, and the run goes on.
    func askTool(_ runID: String) -> ToolAsk {
        ToolSetup.nobodyToAsk
    }
}
