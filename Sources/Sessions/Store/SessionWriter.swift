import Foundation
import Platform
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The one writer of one session file: append-only, one `write(2)` per line, locked against other writers.
///
/// Nothing is buffered across events, so after a crash at most the line being written is torn.
/// The lock is an exclusive `flock` held for the writer's lifetime; a second writer (another
/// process, or another descriptor in this one) gets `SessionError.Kind.locked`.
public final class SessionWriter: SessionEventSink {
    /// The session file.
    public let file: URL
    /// The header as it was when the writer opened the file.
    public let header: SessionHeader
    private let scrubber: SecretScrubber
    private let state: Mutex<State>

    private struct State {
        var fd: Int32
        var nextRun: Int
        var nextGroup: Int
        /// A write failed halfway: the next line must start on a fresh line.
        var needsNewline: Bool
    }

    /// Adopts an open, locked descriptor (internal: tests point it at `/dev/full`).
    init(file: URL, header: SessionHeader, fd: Int32, nextRun: Int, nextGroup: Int, needsNewline: Bool, scrubber: SecretScrubber) {
        self.file = file
        self.header = header
        self.scrubber = scrubber
        state = Mutex(State(fd: fd, nextRun: nextRun, nextGroup: nextGroup, needsNewline: needsNewline))
    }

    deinit {
        state.withLock { s in
            if s.fd >= 0 { Glibc.close(s.fd) }
        }
    }

    /// Creates a new session file in `folder` (created 0700 if missing) with mode 0600, and writes its header.
    public static func create(
        in folder: URL,
        title: String,
        created: Date = Date(),
        id: String = SessionFileName.newID(),
        refractVersion: String = "unknown",
        scrubber: SecretScrubber = .fromEnvironment()
    ) throws(SessionError) -> SessionWriter {
        do {
            try SessionDirectory.createFolder(at: folder)
        } catch {
            throw SessionError.storage(error.code, path: error.path, doing: "create the sessions folder")
        }
        var id = id
        var path = folder.appendingPathComponent(SessionFileName.make(created: created, id: id)).path
        var fd: Int32 = -1
        for _ in 0..<8 {
            fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
            id = SessionFileName.newID()
            path = folder.appendingPathComponent(SessionFileName.make(created: created, id: id)).path
        }
        guard fd >= 0 else { throw SessionError.storage(errno, path: path, doing: "create the session file") }
        // open(2)'s mode is filtered by the umask; fchmod is not.
        guard fchmod(fd, 0o600) == 0 else {
            let code = errno
            Glibc.close(fd)
            unlink(path)
            throw SessionError.storage(code, path: path, doing: "set the permissions of")
        }
        if case .held(let pid) = FileLock.tryExclusive(fd) {
            Glibc.close(fd)
            throw SessionError.locked(path, pid: pid)
        }
        let header = SessionHeader(id: id, title: title, created: created, refractVersion: refractVersion)
        let writer = SessionWriter(
            file: URL(fileURLWithPath: path), header: header, fd: fd, nextRun: 1, nextGroup: 1, needsNewline: false, scrubber: scrubber
        )
        do {
            try writer.append(.session(header))
        } catch {
            // A session without its header is not a session: leave nothing behind.
            writer.close()
            unlink(path)
            throw error
        }
        return writer
    }

    /// Opens an existing session to append to it (after a crash, a torn last line is closed off first).
    public static func openForAppending(_ file: URL, scrubber: SecretScrubber = .fromEnvironment()) throws(SessionError) -> SessionWriter {
        let path = file.path
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw SessionError.storage(errno, path: path, doing: "open the session") }
        switch FileLock.tryExclusive(fd) {
        case .acquired: break
        case .held(let pid):
            Glibc.close(fd)
            throw SessionError.locked(path, pid: pid)
        case .failed(let code):
            Glibc.close(fd)
            throw SessionError.storage(code, path: path, doing: "lock")
        }
        let scan: SessionScan
        do {
            scan = try SessionIndex.scan(file)
        } catch {
            Glibc.close(fd)
            throw error
        }
        let writer = SessionWriter(
            file: file, header: scan.header, fd: fd,
            nextRun: (scan.runs.map(\.run).max() ?? 0) + 1,
            nextGroup: (scan.groups.map(\.group).max() ?? 0) + 1,
            needsNewline: !scan.endsWithNewline,
            scrubber: scrubber
        )
        return writer
    }

    /// Reserves the next run number.
    public func allocateRun() -> Int {
        state.withLock { s in
            defer { s.nextRun += 1 }
            return s.nextRun
        }
    }

    /// Reserves the next comparison group number.
    public func allocateGroup() -> Int {
        state.withLock { s in
            defer { s.nextGroup += 1 }
            return s.nextGroup
        }
    }

    /// Writes one event as one line with a single `write(2)` (looping only on a short write).
    public func append(_ event: SessionEvent) throws(SessionError) {
        var line: [UInt8]
        do {
            line = try SessionLineCodec.encodeLine(event)
        } catch {
            throw SessionError(kind: .unencodable, path: file.path, message: "cannot save a \(event.typeName) event to \(file.path): \(error)")
        }
        scrubber.scrub(&line)
        let path = file.path
        try state.withLock { (s) throws(SessionError) in
            guard s.fd >= 0 else {
                throw SessionError(kind: .io(errno: EBADF), path: path, message: "cannot save to \(path): the session is closed")
            }
            if s.needsNewline { line.insert(UInt8(ascii: "\n"), at: 0) }
            var written = 0
            while written < line.count {
                let n = line.withUnsafeBytes { buffer in
                    Glibc.write(s.fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                }
                if n > 0 {
                    written += n
                    continue
                }
                let code = n < 0 ? errno : ENOSPC
                if n < 0, code == EINTR { continue }
                // Half a line on disk: the next line starts with a newline so only this one is lost.
                if written > 0 { s.needsNewline = true }
                throw SessionError.storage(code, path: path, doing: "save to")
            }
            s.needsNewline = false
        }
    }

    /// Appends a `renamed` event.
    public func rename(to title: String, at date: Date = Date()) throws(SessionError) {
        try append(.renamed(Renamed(title: title, at: date)))
    }

    /// Closes the file (and so releases the lock). Later appends fail.
    public func close() {
        state.withLock { s in
            if s.fd >= 0 {
                Glibc.close(s.fd)
                s.fd = -1
            }
        }
    }
}
