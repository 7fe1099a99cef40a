import CTermSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, with a clean signal mask and chosen standard streams.
///
/// Foundation's `Process` is avoided on purpose: children inherited a blocked signal mask (SIGTERM and
/// SIGWINCH ignored), and waiting hung when a daemon (tmux) inherited a descriptor.
public final class ChildProcess: @unchecked Sendable {
    /// What a child's standard stream is connected to.
    public enum Stream: Sendable {
        case inherit
        case null
        /// A pipe whose parent end is returned in `stdinPipe` / `stdoutPipe` / `stderrPipe`.
        case pipe
        /// An existing file descriptor (not closed by us).
        case fileDescriptor(Int32)
    }

    /// Why a child could not be started.
    public struct SpawnError: Error, CustomStringConvertible {
        public let executable: String
        public let code: Int32
        public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    public let pid: pid_t
    /// Parent ends of the pipes requested with `.pipe`.
    public let stdinPipe: FileHandle?
    public let stdoutPipe: FileHandle?
    public let stderrPipe: FileHandle?
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Starts `executable` (a path, or a name looked up in PATH) with `arguments`.
    public init(
        executable: String,
        arguments: [String] = [],
        environment: [String: String]? = nil,
        workingDirectory: String? = nil,
        stdin: Stream = .inherit,
        stdout: Stream = .inherit,
        stderr: Stream = .inherit,
        newProcessGroup: Bool = false
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCHLD, SIGQUIT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if newProcessGroup {
            flags |= Int16(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, flags)
        if let workingDirectory {
            _ = rf_spawn_file_actions_addchdir(&actions, workingDirectory)
        }

        var parentEnds: [Int32: FileHandle] = [:]
        var childEndsToClose: [Int32] = []
        for (target, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .inherit:
                break
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            case .fileDescriptor(let fd):
                posix_spawn_file_actions_adddup2(&actions, fd, target)
            case .pipe:
                var fds: [Int32] = [0, 0]
                guard rf_pipe_cloexec(&fds) == 0 else { throw SpawnError(executable: executable, code: errno) }
                let (childEnd, parentEnd) = target == 0 ? (fds[0], fds[1]) : (fds[1], fds[0])
                posix_spawn_file_actions_adddup2(&actions, childEnd, target)
                childEndsToClose.append(childEnd)
                parentEnds[target] = FileHandle(fileDescriptor: parentEnd, closeOnDealloc: true)
            }
        }

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = [executable] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var child = pid_t()
        let rc = executable.contains("/")
            ? posix_spawn(&child, executable, &actions, &attributes, &cArgs, &cEnv)
            : posix_spawnp(&child, executable, &actions, &attributes, &cArgs, &cEnv)
        childEndsToClose.forEach { close($0) }
        guard rc == 0 else { throw SpawnError(executable: executable, code: rc) }
        pid = child
        stdinPipe = parentEnds[0]
        stdoutPipe = parentEnds[1]
        stderrPipe = parentEnds[2]
    }

    /// Sends a signal to the child (or to its process group when `group` is true).
    public func signal(_ sig: Int32, group: Bool = false) {
        guard exitCodeIfExited() == nil else { return }
        _ = kill(group ? -pid : pid, sig)
    }

    /// The exit status if the child has exited (non-blocking).
    public func exitCodeIfExited() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        guard r == pid else { return nil }
        exitStatus = Self.decode(status)
        return exitStatus
    }

    /// Blocks until the child exits; returns its exit code (128+signal when killed).
    @discardableResult
    public func wait() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        exitStatus = Self.decode(status)
        return exitStatus ?? -1
    }

    /// Asks the child to stop (SIGTERM), then kills it after `grace` seconds.
    public func terminate(grace: Double = 2) {
        signal(SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while exitCodeIfExited() == nil && Date() < deadline { usleep(20_000) }
        if exitCodeIfExited() == nil {
            signal(SIGKILL)
            wait()
        }
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signalled = status & 0x7f
        return signalled == 0 ? (status >> 8) & 0xff : 128 + signalled
    }
}
