import Foundation
import Providers

/// What a check sees of one cell: the answer, the case's values, and the run's figures.
public struct CheckContext: Sendable, Equatable {
    public var answer: String
    public var caseName: String
    /// The case's variables, plus `expect.NAME` for each expected value: what `{{…}}` in a check fills from.
    public var values: [String: String]
    /// The case as one JSON object (`{"name":…,"vars":{…},"expect":{…}}`), given to `command` checks.
    public var caseJSON: String
    public var costUSD: Double?
    public var ttftMs: Double?
    public var totalMs: Double?
    /// Output tokens as the provider reported them; nil when it did not (then about 4 characters a token).
    public var outputTokens: Int?
    /// The cell's prompt's response schema, for the `schema` check.
    public var schema: JSON?

    public init(
        answer: String, caseName: String = "", values: [String: String] = [:], caseJSON: String = "{}", costUSD: Double? = nil,
        ttftMs: Double? = nil, totalMs: Double? = nil, outputTokens: Int? = nil
    ) {
        self.answer = answer
        self.caseName = caseName
        self.values = values
        self.caseJSON = caseJSON
        self.costUSD = costUSD
        self.ttftMs = ttftMs
        self.totalMs = totalMs
        self.outputTokens = outputTokens
    }
}
