import Foundation

/// How a probability reads on screen and in reports: one format for token, label and alternative shares.
public enum ProbabilityText {
    /// "91%", "100%" from 99.5%, "<1%" under 0.5%.
    public static func percent(_ p: Double) -> String {
        p >= 0.995 ? "100%" : (p < 0.005 ? "<1%" : "\(Int((p * 100).rounded()))%")
    }

    /// A bar of `width` cells, filled in proportion to `p` (0…1).
    public static func bar(_ p: Double, width: Int) -> String {
        let filled = min(width, max(0, Int((p * Double(width)).rounded())))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }
}
