import Foundation
import Providers

/// The price used to compute a cost, in USD per million tokens, with where it came from and when it was checked.
public struct PriceRecord: Sendable, Equatable, Codable {
    public var input: Double?
    public var output: Double?
    public var cacheRead: Double?
    public var cacheWrite: Double?
    /// Where the price came from (`data/prices.toml`, `config.toml`, a URL).
    public var source: String
    /// When the price was last checked (a date as the price table writes it).
    public var checked: String?

    public init(input: Double? = nil, output: Double? = nil, cacheRead: Double? = nil, cacheWrite: Double? = nil, source: String, checked: String? = nil) {
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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        input = try c.decodeIfPresent(Double.self, forKey: .input)
        output = try c.decodeIfPresent(Double.self, forKey: .output)
        cacheRead = try c.decodeIfPresent(Double.self, forKey: .cacheRead)
        cacheWrite = try c.decodeIfPresent(Double.self, forKey: .cacheWrite)
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
        checked = try c.decodeIfPresent(String.self, forKey: .checked)
    }
}

extension PriceRecord {
    /// The record saved with a run for a price-table row.
    public init(_ price: Price) {
        self.init(input: price.input, output: price.output, cacheRead: price.cacheRead, cacheWrite: price.cacheWrite, source: price.source, checked: price.checked)
    }
}
