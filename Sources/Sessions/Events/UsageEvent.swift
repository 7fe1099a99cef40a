import Foundation
import Providers

/// The run's token usage so far (cumulative; a later one replaces an earlier one field by field).
public struct UsageEvent: Sendable, Equatable, Codable {
    public var run: Int
    public var usage: Usage

    public init(run: Int, usage: Usage) {
        self.run = run
        self.usage = usage
    }

    enum CodingKeys: String, CodingKey { case run, usage }
}
