import Foundation

/// Time as the retry loop sees it: the current date (for `retry-after` dates) and a cancellable sleep.
/// Injected so tests never wait for a real backoff.
public protocol RetryClock: Sendable {
    var now: Date { get }
    /// Sleeps `seconds`; throws when the task is cancelled.
    func sleep(seconds: Double) async throws
}

/// The wall clock and `Task.sleep`.
public struct SystemRetryClock: RetryClock {
    public init() {}

    public var now: Date { Date() }

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return try Task.checkCancellation() }
        try await Task.sleep(for: .nanoseconds(Int64(min(seconds, 86_400) * 1e9)))
    }
}
