import Synchronization
import TerminalUI

/// Actions sent from effect tasks to the UI loop: appended under a lock, then the loop is woken.
public final class ActionQueue: Sendable {
    private let pending = Mutex<[Action]>([])
    private let waker: any Waker

    public init(waker: any Waker) { self.waker = waker }

    /// Queues an action and wakes the loop (from any thread). Only the first action into an empty
    /// queue writes the wake pipe: the loop drains everything at once, so one wake-up is enough.
    public func send(_ action: Action) {
        let wasEmpty = pending.withLock { queue in
            defer { queue.append(action) }
            return queue.isEmpty
        }
        if wasEmpty { waker.wake() }
    }

    /// Takes everything queued so far, in order.
    public func drain() -> [Action] {
        pending.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }
}
