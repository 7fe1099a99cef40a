import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A session store failure, with one line a user can read (the UI shows it as a warning and keeps working).
public struct SessionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// Another writer holds the session's lock.
        case locked(pid: Int32?)
        case diskFull
        case readOnly
        case permissionDenied
        case notFound
        /// The file is not a Refract session (no header, binary, empty).
        case notASession
        /// The file was written by a newer, incompatible Refract.
        case newerFormat(found: Int, supported: Int)
        /// An event could not be encoded (a NaN parameter...).
        case unencodable
        case io(errno: Int32)
    }

    public var kind: Kind
    /// The file or folder concerned.
    public var path: String
    public var message: String

    public init(kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String { message }

    /// True for failures to save that a user can fix outside Refract (space, permissions, read-only media).
    public var isStorageProblem: Bool {
        switch kind {
        case .diskFull, .readOnly, .permissionDenied, .io: true
        default: false
        }
    }

    /// Another Refract (or another writer in this one) has the session open.
    static func locked(_ path: String, pid: Int32?) -> SessionError {
        let name = (path as NSString).lastPathComponent
        let who = pid.map { "another Refract (pid \($0))" } ?? "another Refract"
        return SessionError(kind: .locked(pid: pid), path: path, message: "session \(name) is open in \(who); close it there, or start a new session")
    }

    /// A failed write or open, named by what the user can do about it.
    static func storage(_ code: Int32, path: String, doing action: String) -> SessionError {
        let kind: Kind
        let reason: String
        switch code {
        case ENOSPC, EDQUOT:
            kind = .diskFull
            reason = code == ENOSPC ? "the disk is full" : "the disk quota is exceeded"
        case EROFS:
            kind = .readOnly
            reason = "the file system is read-only"
        case EACCES, EPERM:
            kind = .permissionDenied
            reason = "permission denied"
        case ENOENT:
            kind = .notFound
            reason = "no such file or folder"
        default:
            kind = .io(errno: code)
            reason = String(cString: strerror(code))
        }
        return SessionError(kind: kind, path: path, message: "cannot \(action) \(path): \(reason)")
    }

    static func newerFormat(_ path: String, found: Int) -> SessionError {
        let name = (path as NSString).lastPathComponent
        return SessionError(
            kind: .newerFormat(found: found, supported: SessionHeader.currentVersion), path: path,
            message: "\(name) was made by a newer Refract (format \(found); this reads \(SessionHeader.currentVersion)); update Refract to open it"
        )
    }

    static func notASession(_ path: String, _ why: String) -> SessionError {
        let name = (path as NSString).lastPathComponent
        return SessionError(kind: .notASession, path: path, message: "\(name) is not a Refract session (\(why))")
    }
}
