import Foundation

/// What a run cost and the price it was computed with. A run without one is "unpriced", never $0.
public struct CostEvent: Sendable, Equatable, Codable {
    public var run: Int
    public var usd: Double
    public var price: PriceRecord

    public init(run: Int, usd: Double, price: PriceRecord) {
        self.run = run
        self.usd = usd
        self.price = price
    }

    enum CodingKeys: String, CodingKey { case run, usd, price }
}
