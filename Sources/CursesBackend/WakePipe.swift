import CTermSupport
import Glibc
import TerminalUI

/// A self-pipe: a byte written to `writeFD` makes `poll` on `readFD` return.
///
/// Both ends are non-blocking and close-on-exec. The pipe lives as long as anything refers to it,
/// so a `PipeWaker` held by another thread never writes to a closed (or reused) descriptor.
final class WakePipe: Sendable {
    let readFD: Int32
    let writeFD: Int32

    init?() {
        var fds: [Int32] = [-1, -1]
        guard rf_pipe_cloexec(&fds) == 0 else { return nil }
        readFD = fds[0]
        writeFD = fds[1]
        _ = rf_set_nonblocking(readFD)
        _ = rf_set_nonblocking(writeFD)
    }

    /// Writes one byte; a full pipe already means "awake", so EAGAIN is fine.
    func signal() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Reads every pending byte.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
            if n > 0 { continue }
            if n < 0, errno == EINTR { continue }
            return
        }
    }

    deinit {
        close(readFD)
        close(writeFD)
    }
}

/// Wakes `CursesTerminal.waitForEvents` from any thread by writing one byte to its self-pipe.
public struct PipeWaker: Waker {
    let pipe: WakePipe

    public func wake() { pipe.signal() }
}
