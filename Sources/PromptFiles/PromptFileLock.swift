import Foundation
import Platform
#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock saying "a workbench has this prompt file open for writing". It lives in a lock
/// file outside the project (the runtime folder), keyed by the file's real path, so a save by rename
/// keeps it and no lock file shows up in `git status`. The kernel drops it when the process dies.
public final class PromptFileLock: @unchecked Sendable {
    private let fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit { close(fd) }

    /// The outcome of trying to take the lock.
    public enum Attempt {
        case acquired(PromptFileLock)
        /// Another process holds it (its pid when known).
        case held(pid: Int32?)
        /// Locking is not possible here; the file opens writable without it.
        case unavailable
    }

    public static func acquire(for url: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> Attempt {
        let folder = lockFolder(environment: environment)
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil else {
            return .unavailable
        }
        let path = folder + "/" + lockName(for: url)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return .unavailable }
        switch FileLock.tryExclusive(fd) {
        case .acquired:
            return .acquired(PromptFileLock(fd: fd))
        case .held(let pid):
            close(fd)
            return .held(pid: pid)
        case .failed:
            close(fd)
            return .unavailable
        }
    }

    static func lockFolder(environment: [String: String]) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") { return runtime + "/refract/locks" }
        return "/tmp/refract-locks-\(getuid())"
    }

    /// A name from the real path (FNV-1a), so two spellings of one file share a lock.
    public static func lockName(for url: URL) -> String {
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in real.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return url.lastPathComponent.prefix(40) + "-" + String(hash, radix: 16) + ".lock"
    }
}
