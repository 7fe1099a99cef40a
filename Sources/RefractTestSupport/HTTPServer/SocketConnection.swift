import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One accepted TCP connection: blocking reads and writes that never raise SIGPIPE, hang-up detection, RST.
///
/// Used by a single connection thread; `HTTPServer` only ever calls `shutdownForStop()` from outside,
/// and the descriptor is unregistered from the server before it is closed, so a reused fd number is never touched.
final class SocketConnection {
    let fd: Int32
    private let onClose: (Int32) -> Void
    private(set) var isClosed = false
    /// Set once the peer was seen gone (EOF, reset, or a failed write).
    private(set) var peerGone = false

    init(fd: Int32, onClose: @escaping (Int32) -> Void) {
        self.fd = fd
        self.onClose = onClose
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Reads up to `max` bytes; nil at EOF or on error (the peer is then gone).
    func receive(max: Int = 65_536) -> [UInt8]? {
        guard !isClosed else { return nil }
        var buffer = [UInt8](repeating: 0, count: max)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, max, 0) }
            if n > 0 { return Array(buffer[0..<n]) }
            if n < 0 && errno == EINTR { continue }
            peerGone = true
            return nil
        }
    }

    /// Writes every byte; false when the peer is gone (EPIPE/ECONNRESET, never SIGPIPE thanks to MSG_NOSIGNAL).
    @discardableResult
    func sendAll(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !isClosed, !peerGone else { return false }
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let n = send(fd, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if n > 0 { offset += n; continue }
            if n < 0 && errno == EINTR { continue }
            peerGone = true
            return false
        }
        return true
    }

    @discardableResult
    func sendAll(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { sendAll($0) }
    }

    /// True when the peer has closed or reset its side; does not consume pipelined request bytes.
    func peerHasHungUp() -> Bool {
        if peerGone || isClosed { return true }
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, 0) > 0 else { return false }
        return checkReadableMeansGone(pfd.revents)
    }

    /// Waits up to `seconds` for the peer to hang up; returns true as soon as it has.
    func waitForHangUp(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if peerGone || isClosed { return true }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return false }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(min(remaining * 1000, 100).rounded(.up)))
            if ready > 0 {
                if checkReadableMeansGone(pfd.revents) { return true }
                // Readable but not EOF: the client pipelined bytes; poll would spin, so nap briefly.
                usleep(10_000)
            }
        }
    }

    private func checkReadableMeansGone(_ revents: Int16) -> Bool {
        if revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 { peerGone = true; return true }
        var byte: UInt8 = 0
        let n = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            peerGone = true
            return true
        }
        return false
    }

    /// Closes with FIN after flushing what was written.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        onClose(fd)
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
        _ = Glibc.close(fd)
    }

    /// Closes with a TCP RST (SO_LINGER 0), discarding unsent bytes.
    func reset() {
        guard !isClosed else { return }
        isClosed = true
        onClose(fd)
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        _ = Glibc.close(fd)
    }
}
