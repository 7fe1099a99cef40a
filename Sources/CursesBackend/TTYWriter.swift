import Glibc

/// Writes bytes straight to a terminal descriptor (not through C stdio, which `putp` uses).
enum TTYWriter {
    /// Writes all of `bytes`, retrying on EINTR and partial writes; waits out EAGAIN with `poll`.
    @discardableResult
    static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, buffer.count - offset)
            }
            if n > 0 {
                offset += n
            } else if n < 0, errno == EINTR {
                continue
            } else if n < 0, errno == EAGAIN {
                var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&pfd, 1, 100)
            } else {
                return false
            }
        }
        return true
    }

    static func write(_ text: String, to fd: Int32) {
        write(Array(text.utf8), to: fd)
    }
}
