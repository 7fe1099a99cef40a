import Foundation

/// Turns SIGINT (and any other signals asked for) into a flag the run loop can await (instead of dying with half a line on screen).
final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var continuations: [UUID: CheckedContinuation<Void, Never>] = [:]
    private(set) var fired = false

    private var sources: [DispatchSourceSignal] = []
    private let signals: [Int32]

    init(alsoOn extra: [Int32] = []) {
        signals = [SIGINT] + extra
        for sig in signals {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
        signals.forEach { signal($0, SIG_DFL) }
    }

    private func fire() {
        lock.lock()
        fired = true
        let waiting = continuations.values
        continuations.removeAll()
        lock.unlock()
        waiting.forEach { $0.resume() }
    }

    /// Returns when the signal arrives, or when the waiting task is cancelled.
    func wait() async {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.lock()
                if fired || Task.isCancelled {
                    lock.unlock()
                    continuation.resume()
                } else {
                    continuations[id] = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            lock.lock()
            let waiting = continuations.removeValue(forKey: id)
            lock.unlock()
            waiting?.resume()
        }
    }
}
