import Foundation

/// Drains a child's pipe on a background thread (so it never blocks on a full pipe) and returns all of it at the end.
public final class OutputCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()

    public init(_ handle: FileHandle?) {
        guard let handle else {
            done.signal()
            return
        }
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                data.append(chunk)
                lock.unlock()
            }
            done.signal()
        }
    }

    /// What has arrived so far.
    public var current: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits for the end of the stream (the child exited and closed it).
    public func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
