import Foundation
import Providers

/// A session as the browser lists it: title, date, number of runs, models used, total cost.
public struct SessionSummary: Sendable, Equatable {
    public var file: URL
    public var id: String
    public var title: String
    public var created: Date
    public var runCount: Int
    public var failedRuns: Int
    /// In order of first use.
    public var models: [ModelRef]
    /// The sum over priced runs.
    public var totalCostUSD: Double
    /// Runs without a cost (unknown price, or cut off before the end): the total is then a lower bound.
    public var unpricedRuns: Int
    /// The file's size when it was scanned.
    public var byteCount: Int

    public init(
        file: URL, id: String, title: String, created: Date, runCount: Int, failedRuns: Int, models: [ModelRef],
        totalCostUSD: Double, unpricedRuns: Int, byteCount: Int
    ) {
        self.file = file
        self.id = id
        self.title = title
        self.created = created
        self.runCount = runCount
        self.failedRuns = failedRuns
        self.models = models
        self.totalCostUSD = totalCostUSD
        self.unpricedRuns = unpricedRuns
        self.byteCount = byteCount
    }
}
