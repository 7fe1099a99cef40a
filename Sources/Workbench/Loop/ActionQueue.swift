import Synchronization
import TerminalUI

/// Actions sent from effect tasks to the UI loop: appended under a lock, then the loop is woken.
public final class ActionQueue: Sendable {
    private let pending = Mutex<[Action]>([])
    private let waker: any Waker

    public init(waker: any Waker) { self.waker = waker }

    /// Queues an action and wakes the loop (from any thread).
    public func send(_ action: Action) {
        pending.withLock { $0.append(action) }
        waker.wake()
    }

    /// Takes everything queued so far, in order.
    public func drain() -> [Action] {
        pending.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }
}
