import Foundation

/// Counts events a mapper could not decode and warns about the first one only (a broken server
/// would otherwise flood the run with warnings).
struct EventDecodeFailures: Sendable, Equatable {
    private(set) var count = 0

    /// Notes one undecodable event; returns a warning the first time.
    mutating func note(_ data: String, provider: String) -> StreamPart? {
        count += 1
        guard count == 1 else { return nil }
        return .warning("ignored an event from \(provider) that was not the expected JSON: \(ProviderText.oneLine(data, limit: 120))")
    }
}
