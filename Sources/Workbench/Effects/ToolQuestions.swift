import Evaluation
import Foundation
import Synchronization

/// The `ask = true` calls waiting for a person: each run's loop waits here until the workbench's
/// one-line prompt is answered (or declined, or the run is cancelled, which answers nil).
final class ToolQuestions: Sendable {
    static let shared = ToolQuestions()

    private struct Waiting {
        var runID: String
        var continuation: CheckedContinuation<String?, Never>
    }

    private let state = Mutex<(next: Int, waiting: [Int: Waiting])>((1, [:]))

    /// Registers a question and returns its id; `resume` is called with the answer.
    func wait(runID: String, _ continuation: CheckedContinuation<String?, Never>) -> Int {
        state.withLock { s in
            defer { s.next += 1 }
            s.waiting[s.next] = Waiting(runID: runID, continuation: continuation)
            return s.next
        }
    }

    func answer(_ id: Int, with text: String?) {
        state.withLock { $0.waiting.removeValue(forKey: id) }?.continuation.resume(returning: text)
    }

    /// A cancelled run's questions are answered nil, so its loop can end.
    func decline(runID: String) {
        let declined = state.withLock { s in
            let ids = s.waiting.filter { $0.value.runID == runID }.map(\.key)
            return ids.compactMap { s.waiting.removeValue(forKey: $0) }
        }
        declined.forEach { $0.continuation.resume(returning: nil) }
    }
}
