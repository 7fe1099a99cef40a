import Foundation

/// Runs one read against a timer: whichever finishes first wins and the other is cancelled.
///
/// Used per body chunk (and for the head) so each request gets its own read timeout on one shared client.
enum ReadTimeoutRace {
    /// How a race ended.
    enum Outcome<Value: Sendable>: Sendable {
        case value(Value)
        case timedOut
    }

    /// Runs `operation`; if it produces nothing within `seconds`, cancels it and returns `.timedOut`.
    /// A non-positive or infinite `seconds` means no timeout.
    static func run<Value: Sendable>(
        seconds: Double, _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Outcome<Value> {
        guard seconds > 0, seconds.isFinite else { return .value(try await operation()) }
        return try await withThrowingTaskGroup(of: Outcome<Value>.self) { group in
            group.addTask { .value(try await operation()) }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return .timedOut
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { return .timedOut }
            return first
        }
    }
}
