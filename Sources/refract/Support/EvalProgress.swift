import Foundation
import Synchronization

/// Progress of `refract eval` on stderr: a bar redrawn in place on a terminal, one plain line per
/// finished cell when piped (so CI logs stay readable).
final class EvalProgress: Sendable {
    private struct State {
        var done = 0
        var failed = 0
        var cached = 0
        var cost: Double?
    }

    private let total: Int
    private let terminal: Bool
    private let state = Mutex(State())

    init(total: Int, terminal: Bool = Stderr.isTerminal) {
        self.total = total
        self.terminal = terminal
    }

    func cellFinished(label: String, status: String, cached: Bool, cost: Double?) {
        let line: String = state.withLock { s in
            s.done += 1
            if status != "pass" { s.failed += 1 }
            if cached { s.cached += 1 }
            if let cost { s.cost = (s.cost ?? 0) + cost }
            if terminal {
                let width = 24
                let filled = total == 0 ? width : s.done * width / total
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                return "\r\u{1B}[2K\(bar) \(s.done)/\(total) cells · \(s.failed) not passed · \(s.cached) cached · \(s.cost.map { String(format: "$%.4f", $0) } ?? "unpriced")"
                    + (s.done == total ? "\n" : "")
            }
            return "refract: \(s.done)/\(total) \(label): \(status)\(cached ? " (cached)" : "")\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
