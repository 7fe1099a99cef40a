import Foundation
import Providers

/// One cell of an evaluation: a case through one instruction variant on one model (one sample of it).
public struct EvalCell: Sendable, Equatable {
    public var caseIndex: Int
    public var evalCase: EvalCase
    public var variant: String
    public var model: ModelRef
    /// 1-based sample number.
    public var repeatIndex: Int
    /// The prompt with the case's values, as it is recorded.
    public var prompt: Prompt
    public var request: ModelRequest
    /// The file's checks, then the case's own.
    public var checks: [CheckSpec]

    public init(caseIndex: Int, evalCase: EvalCase, variant: String, model: ModelRef, repeatIndex: Int, prompt: Prompt, request: ModelRequest, checks: [CheckSpec]) {
        self.caseIndex = caseIndex
        self.evalCase = evalCase
        self.variant = variant
        self.model = model
        self.repeatIndex = repeatIndex
        self.prompt = prompt
        self.request = request
        self.checks = checks
    }

    /// The column it belongs to: variant × model.
    public var column: EvalColumnKey { EvalColumnKey(variant: variant, model: model) }

    /// What its checks see, once the run is done.
    public func context(answer: String, costUSD: Double?, ttftMs: Double?, totalMs: Double?, outputTokens: Int?, defaults: [String: String] = [:]) -> CheckContext {
        var context = CheckContext(
            answer: answer, caseName: evalCase.name, values: evalCase.checkValues(defaults: defaults), caseJSON: evalCase.json, costUSD: costUSD,
            ttftMs: ttftMs, totalMs: totalMs, outputTokens: outputTokens
        )
        context.schema = prompt.schema?.schema
        return context
    }
}

/// A column of the matrix: one instruction variant on one model.
public struct EvalColumnKey: Sendable, Hashable {
    public var variant: String
    public var model: ModelRef

    public init(variant: String, model: ModelRef) {
        self.variant = variant
        self.model = model
    }
}
