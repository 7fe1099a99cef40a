import Evaluation
import Foundation

/// A finished evaluation cell to grade: its checks, what they see, and (for a failed or stopped run)
/// why there is nothing to grade, which makes every check an error rather than a guess.
public struct GradeRequest: Sendable, Equatable {
    public var runID: String
    public var checks: [CheckSpec]
    public var context: CheckContext
    public var runError: String?

    public init(runID: String, checks: [CheckSpec], context: CheckContext, runError: String? = nil) {
        self.runID = runID
        self.checks = checks
        self.context = context
        self.runError = runError
    }
}
