import Foundation

/// The evaluation part of a prompt file: the test cases, the checks every answer gets, and how many
/// times each cell is sampled.
public struct EvaluationSpec: Sendable, Equatable {
    public var cases: [EvalCase] = []
    public var checks: [CheckSpec] = []
    /// `repeat = N`: samples per cell (at least 1).
    public var repeats = 1
    /// Keys that look like misspelt evaluation keys (`[[chekcs]]`), which would otherwise be kept and ignored.
    public var warnings: [String] = []

    public init(cases: [EvalCase] = [], checks: [CheckSpec] = [], repeats: Int = 1) {
        self.cases = cases
        self.checks = checks
        self.repeats = repeats
    }
}
