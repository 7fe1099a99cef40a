import Foundation
import Sessions
import Synchronization

/// Every 50 ms, saves the coalesced text of each live run of a session (`RunRecorder.tick`), so a
/// quiet stream's last words are on disk within ~50 ms. One task per session while any run is live:
/// a ticker task per run cost a task, a Dispatch timer every 50 ms and a cancellation per run, the
/// largest remaining share of Dispatch work in `refract eval` against a server that answers at once.
final class RecordingTicker: Sendable {
    private struct Live {
        let recorder: RunRecorder
        let report: @Sendable (SessionError) -> Void
    }

    private struct State {
        var live: [ObjectIdentifier: Live] = [:]
        var running = false
    }

    private let state = Mutex(State())

    /// Ticks `recorder` until `remove`; a failed save goes to `report`.
    func add(_ recorder: RunRecorder, report: @escaping @Sendable (SessionError) -> Void) {
        let start = state.withLock { s in
            s.live[ObjectIdentifier(recorder)] = Live(recorder: recorder, report: report)
            defer { s.running = true }
            return !s.running
        }
        if start { Task.detached { await self.run() } }
    }

    func remove(_ recorder: RunRecorder) {
        state.withLock { _ = $0.live.removeValue(forKey: ObjectIdentifier(recorder)) }
    }

    private func run() async {
        while true {
            try? await Task.sleep(for: .milliseconds(50))
            let live: [Live]? = state.withLock { s in
                if s.live.isEmpty {
                    s.running = false
                    return nil
                }
                return Array(s.live.values)
            }
            guard let live else { return }
            for run in live {
                if let error = run.recorder.tick() { run.report(error) }
            }
        }
    }
}
