import CTermSupport
import Glibc

/// A pty pair for driving `CursesTerminal` in tests: the terminal opens the slave, the test plays
/// the terminal emulator on the master (writes key bytes, reads what was drawn).
final class PseudoTerminal {
    let master: Int32
    let slave: Int32

    init(width: Int = 40, height: Int = 12) throws {
        var m: Int32 = -1
        var s: Int32 = -1
        guard rf_open_pty(&m, &s, Int32(height), Int32(width)) == 0 else { throw PseudoTerminalError.openFailed }
        master = m
        slave = s
        _ = rf_set_nonblocking(master)
    }

    deinit {
        close(master)
        close(slave)
    }

    /// Types bytes as if the terminal had sent them.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if n > 0 { offset += n } else if errno != EINTR && errno != EAGAIN { return }
        }
    }

    /// Everything the program has written so far: reads until the master has been quiet for
    /// `quietMilliseconds` (the kernel moves pty data asynchronously).
    func drainOutput(quietMilliseconds: Int32 = 100) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, quietMilliseconds) > 0 else { return out }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n <= 0 { return out }
            out += buffer[0..<n]
        }
    }

    /// Resizes the pty, as a terminal emulator does when its window changes.
    func resize(width: Int, height: Int) {
        _ = rf_set_winsize(master, Int32(height), Int32(width))
    }
}

enum PseudoTerminalError: Error { case openFailed }
