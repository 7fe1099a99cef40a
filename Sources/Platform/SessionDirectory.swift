import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder session files live in, and why that folder was chosen.
///
/// Precedence: `--sessions DIR`, else `REFRACT_SESSIONS`, else `./sessions` when the current
/// directory has one, else the config file's `sessions_dir`, else `$XDG_DATA_HOME/refract/sessions`.
public struct SessionDirectory: Sendable, Equatable {
    /// Which rule picked the folder (shown by `refract sessions list` so a surprise is explainable).
    public enum Source: String, Sendable, Equatable {
        case flag, environment, currentDirectory = "current-directory", config, dataHome = "data-home"
    }

    /// Why the folder could not be created.
    public struct CreationError: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var code: Int32
        public var description: String { "cannot create the sessions folder \(path): \(String(cString: strerror(code)))" }
    }

    public var url: URL
    public var source: Source

    public init(url: URL, source: Source) {
        self.url = url
        self.source = source
    }

    /// Applies the precedence; environment and current directory are parameters so tests control them.
    /// `configured` is the config file's `sessions_dir` (absolute, or relative to the current directory).
    public static func locate(
        flag: String?,
        configured: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> SessionDirectory {
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appendingPathComponent(path)
        }
        if let flag, !flag.isEmpty { return SessionDirectory(url: resolve(flag).standardizedFileURL, source: .flag) }
        if let env = environment["REFRACT_SESSIONS"], !env.isEmpty {
            return SessionDirectory(url: resolve(env).standardizedFileURL, source: .environment)
        }
        let local = currentDirectory.appendingPathComponent("sessions")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: local.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return SessionDirectory(url: local.standardizedFileURL, source: .currentDirectory)
        }
        if let configured, !configured.isEmpty {
            return SessionDirectory(url: resolve(configured).standardizedFileURL, source: .config)
        }
        let data = XDGDirectories(environment: environment).refractData.appendingPathComponent("sessions")
        return SessionDirectory(url: data.standardizedFileURL, source: .dataHome)
    }

    /// Creates the folder (and missing parents) with mode 0700 whatever the umask; an existing folder is left as it is.
    public func create() throws(CreationError) {
        try Self.createFolder(at: url)
    }

    /// Creates `url` and its missing parents with mode 0700 (umask-proof); existing folders are left as they are.
    public static func createFolder(at url: URL) throws(CreationError) {
        var missing: [String] = []
        var path = url.standardizedFileURL.path
        while !path.isEmpty, path != "/", access(path, F_OK) != 0 {
            missing.append(path)
            path = (path as NSString).deletingLastPathComponent
        }
        for dir in missing.reversed() {
            if mkdir(dir, 0o700) != 0 {
                let code = errno
                if code == EEXIST { continue }
                throw CreationError(path: dir, code: code)
            }
            // mkdir is filtered by the umask; chmod is not.
            if chmod(dir, 0o700) != 0 { throw CreationError(path: dir, code: errno) }
        }
    }
}
