import Foundation
import Platform
import Providers
import Synchronization

/// Runs the effects that do network and file I/O (streams, model discovery) on tasks, and answers
/// with actions through the queue. Terminal effects (clipboard, $EDITOR, quit) are the loop's.
public final class EffectRunner: Sendable {
    private let models: any ModelProvider
    private let queue: ActionQueue
    private let observer: (any RunObserver)?
    private let tasks = Mutex<[String: Task<Void, Never>]>([:])
    private let cancelled = Mutex<Set<String>>([])

    public init(models: any ModelProvider, queue: ActionQueue, observer: (any RunObserver)? = nil) {
        self.models = models
        self.queue = queue
        self.observer = observer
    }

    public func perform(_ effect: Effect) {
        switch effect {
        case .startRun(let run):
            start(run)
        case .cancelRun(let id):
            cancelled.withLock { _ = $0.insert(id) }
            tasks.withLock { $0[id] }?.cancel()
        case .refreshModels:
            Task {
                let quick = await models.catalog(probe: false)
                queue.send(.modelsUpdated(quick))
                let probed = await models.catalog(probe: true)
                queue.send(.modelsUpdated(probed))
            }
        case .copyToClipboard, .openExternalEditor, .quit:
            break
        }
    }

    private func start(_ run: RunRequest) {
        let model = models.languageModel(for: run.model)
        observer?.runStarted(run, at: MonotonicClock.now())
        let task = Task { [queue, observer] in
            for await part in model.stream(run.request) {
                observer?.runPart(run.runID, part, at: MonotonicClock.now())
                queue.send(.part(runID: run.runID, part))
            }
            let wasCancelled = self.cancelled.withLock { $0.remove(run.runID) != nil }
            observer?.runEnded(run.runID, cancelled: wasCancelled, at: MonotonicClock.now())
            queue.send(.runEnded(runID: run.runID))
            _ = self.tasks.withLock { $0.removeValue(forKey: run.runID) }
        }
        tasks.withLock { $0[run.runID] = task }
    }

    /// Cancels every stream (quitting); waits briefly so the session records how they ended.
    public func cancelAll(waitSeconds: Double = 1) {
        let all = tasks.withLock { $0 }
        cancelled.withLock { $0.formUnion(all.keys) }
        all.values.forEach { $0.cancel() }
        let deadline = MonotonicClock.now() + waitSeconds
        while MonotonicClock.now() < deadline, !tasks.withLock({ $0.isEmpty }) { usleep(5_000) }
    }
}
