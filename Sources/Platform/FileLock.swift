import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An advisory whole-file lock (`flock`) on an open descriptor, held until the descriptor is closed.
///
/// `flock` locks belong to the open file description, so a second `open` of the same file in the same
/// process is refused just like another process would be: one writer per file, whoever it is.
public enum FileLock {
    /// The outcome of a non-blocking attempt to take the lock.
    public enum Attempt: Sendable, Equatable {
        case acquired
        /// Someone else holds it; `pid` is theirs when `/proc/locks` tells us.
        case held(pid: Int32?)
        /// `flock` itself failed (not a conflict), with its errno.
        case failed(errno: Int32)
    }

    /// Tries to take an exclusive lock without waiting.
    public static func tryExclusive(_ fd: Int32) -> Attempt {
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return .acquired }
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK || code == EAGAIN { return .held(pid: holderPID(of: fd)) }
            return .failed(errno: code)
        }
    }

    /// Releases the lock early (closing the descriptor releases it too).
    public static func unlock(_ fd: Int32) {
        _ = flock(fd, LOCK_UN)
    }

    /// The pid holding a `flock` on the file behind `fd`, read from `/proc/locks` (nil when unknown).
    public static func holderPID(of fd: Int32) -> Int32? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        guard let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        return holderPID(inTable: table, device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// Parses `/proc/locks` text: `1: FLOCK  ADVISORY  WRITE 1234 fd:01:5678 0 EOF`.
    /// Waiters (`1: -> FLOCK ...`) are skipped. When no line matches device and inode (overlay file
    /// systems report another device), a single line matching the inode alone is accepted.
    public static func holderPID(inTable table: String, device: UInt64, inode: UInt64) -> Int32? {
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~UInt64(0xfff))
        let minor = (device & 0xff) | ((device >> 12) & ~UInt64(0xff))
        var inodeOnly: [Int32] = []
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int32(fields[4]) else { continue }
            let id = fields[5].split(separator: ":")
            guard id.count == 3, let ino = UInt64(id[2]), ino == inode else { continue }
            if UInt64(id[0], radix: 16) == major, UInt64(id[1], radix: 16) == minor { return pid }
            inodeOnly.append(pid)
        }
        return inodeOnly.count == 1 ? inodeOnly[0] : nil
    }
}
