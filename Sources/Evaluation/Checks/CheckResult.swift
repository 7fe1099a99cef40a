import Foundation

/// One check's verdict on one answer: pass, fail, or error (it could not run), with a one-line reason.
public struct CheckResult: Sendable, Equatable {
    /// The three outcomes; an error is never counted as a pass.
    public enum Status: String, Sendable, Equatable, Codable { case pass, fail, error }

    public var name: String
    public var type: String
    public var status: Status
    public var reason: String
    public var weight: Double
    /// What the judge was asked and said, for `judge` checks.
    public var judge: JudgeRecord?

    public init(name: String, type: String, status: Status, reason: String, weight: Double = 1, judge: JudgeRecord? = nil) {
        self.name = name
        self.type = type
        self.status = status
        self.reason = reason
        self.weight = weight
        self.judge = judge
    }
}

/// A judge call kept with its result: its prompt, its answer, and its cost (shown apart from the cell's).
public struct JudgeRecord: Sendable, Equatable {
    public var model: String
    public var prompt: String
    public var answer: String
    /// Nil when the judge model is unpriced.
    public var costUSD: Double?

    public init(model: String, prompt: String, answer: String, costUSD: Double?) {
        self.model = model
        self.prompt = prompt
        self.answer = answer
        self.costUSD = costUSD
    }
}
