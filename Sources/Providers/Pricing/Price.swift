import Foundation

/// What one model costs, in USD per million tokens, and where that figure came from.
public struct Price: Sendable, Equatable, Codable {
    public var input: Double
    public var output: Double
    public var cacheRead: Double?
    public var cacheWrite: Double?
    /// Where the figure comes from (a vendor page, a curated database, the user's config).
    public var source: String
    /// The date the figure was last checked (`YYYY-MM-DD`).
    public var checked: String?

    public init(input: Double, output: Double, cacheRead: Double? = nil, cacheWrite: Double? = nil, source: String, checked: String? = nil) {
        self.input = input
        self.output = output
        self.cacheRead = cacheRead
        self.cacheWrite = cacheWrite
        self.source = source
        self.checked = checked
    }

    enum CodingKeys: String, CodingKey {
        case input, output, cacheRead = "cache_read", cacheWrite = "cache_write", source, checked
    }
}
