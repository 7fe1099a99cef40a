import Foundation
import Synchronization

/// One watchdog for every response body in the process: while any body is watched it wakes every
/// tick (an eighth of the shortest read timeout, 10 ms to 1 s) and cancels the reader of any read
/// that has waited past its timeout.
///
/// A sleeping watchdog task per body cost a task, a Dispatch timer and its cancellation per request,
/// ~15 % of `refract eval`'s CPU against a server that answers at once (perf: `Task.sleep`, the
/// Dispatch timer manager), for streams that never come near their timeout. A timeout now fires up
/// to one tick late.
final class ReadWatchdog: Sendable {
    static let shared = ReadWatchdog()

    private struct Watched {
        let clock: ReadClock
        let limit: Duration
        let reader: Task<Void, Never>
    }

    private struct State {
        var watched: [ObjectIdentifier: Watched] = [:]
        var running = false
    }

    private let state = Mutex(State())

    /// Watches `clock`'s pending reads until `stop(clock)`; a read pending for `timeout` seconds cancels `reader`.
    func watch(_ clock: ReadClock, timeout: Double, reader: Task<Void, Never>) {
        let start = state.withLock { s in
            s.watched[ObjectIdentifier(clock)] = Watched(clock: clock, limit: .seconds(timeout), reader: reader)
            defer { s.running = true }
            return !s.running
        }
        if start { Task.detached(priority: .high) { await self.run() } }
    }

    func stop(_ clock: ReadClock) {
        state.withLock { _ = $0.watched.removeValue(forKey: ObjectIdentifier(clock)) }
    }

    private func run() async {
        while true {
            let tick: Duration? = state.withLock { s in
                guard let shortest = s.watched.values.map(\.limit).min() else {
                    s.running = false
                    return nil
                }
                return min(max(shortest / 8, .milliseconds(10)), .seconds(1))
            }
            guard let tick else { return }
            try? await Task.sleep(for: tick)
            let expired = state.withLock { s in
                let late = s.watched.filter { $0.value.clock.expire(after: $0.value.limit) }
                for key in late.keys { s.watched.removeValue(forKey: key) }
                return late.values.map(\.reader)
            }
            for reader in expired { reader.cancel() }
        }
    }
}
