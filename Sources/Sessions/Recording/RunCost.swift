import Foundation

/// A run's cost as the caller's price table computed it, to be saved with the run.
public struct RunCost: Sendable, Equatable {
    public var usd: Double
    public var price: PriceRecord

    public init(usd: Double, price: PriceRecord) {
        self.usd = usd
        self.price = price
    }
}
