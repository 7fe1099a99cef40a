import Foundation

/// How fast a saved run plays back: ×1 is the original timing, 0 is instant.
public struct ReplaySpeed: Sendable, Hashable, CustomStringConvertible {
    /// The time divisor; 0 (or less) means no waiting at all.
    public var factor: Double

    public init(_ factor: Double) {
        self.factor = factor.isFinite ? max(0, factor) : 0
    }

    public static let x1 = ReplaySpeed(1)
    public static let x2 = ReplaySpeed(2)
    public static let x10 = ReplaySpeed(10)
    public static let instant = ReplaySpeed(0)
    /// The speeds the workbench cycles through.
    public static let presets: [ReplaySpeed] = [.x1, .x2, .x10, .instant]

    public var isInstant: Bool { factor == 0 }

    /// A recorded interval at this speed.
    public func scaled(ms: Int) -> Duration {
        guard !isInstant, ms > 0 else { return .zero }
        return .microseconds(Int64((Double(ms) * 1000 / factor).rounded()))
    }

    public var description: String {
        if isInstant { return "instant" }
        return factor == factor.rounded() ? "×\(Int(factor))" : "×\(factor)"
    }
}
