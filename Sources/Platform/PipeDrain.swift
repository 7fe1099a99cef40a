import Foundation

/// Reads a child's pipe to its end on a thread of its own, so the child never blocks on a full pipe;
/// keeps at most `limit` bytes when given (a chatty check program), everything otherwise.
public final class PipeDrain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()

    public init(_ handle: FileHandle?, limit: Int? = nil) {
        guard let handle else {
            done.signal()
            return
        }
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                if let limit { data.append(chunk.prefix(max(0, limit - data.count))) } else { data.append(chunk) }
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

    /// Waits for the end of the stream and returns the bytes as they came (for a check that they are UTF-8).
    public func finishData() -> Data {
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return data
    }

    /// Waits for the end of the stream (the child exited and closed it).
    public func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
