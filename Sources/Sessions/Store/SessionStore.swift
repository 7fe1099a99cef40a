import Foundation
import Platform
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A folder of session files: list, open, create, rename, delete, search.
public struct SessionStore: Sendable {
    /// The folder, and which rule chose it.
    public var directory: SessionDirectory
    public var folder: URL { directory.url }
    /// What to scrub from written lines; nil reads the environment when a file is written.
    public var scrubber: SecretScrubber?
    /// The scans `list()` made, for `open(_:)` to reuse while the file is unchanged.
    private let scans = SessionScanCache()

    public init(directory: SessionDirectory, scrubber: SecretScrubber? = nil) {
        self.directory = directory
        self.scrubber = scrubber
    }

    public init(folder: URL, scrubber: SecretScrubber? = nil) {
        self.init(directory: SessionDirectory(url: folder, source: .flag), scrubber: scrubber)
    }

    /// The store at the folder the precedence rules pick (`--sessions`, `REFRACT_SESSIONS`, `./sessions`,
    /// the config's `sessions_dir`, XDG).
    public static func locate(
        flag: String? = nil,
        configured: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> SessionStore {
        SessionStore(directory: SessionDirectory.locate(flag: flag, configured: configured, environment: environment, currentDirectory: currentDirectory))
    }

    /// The session files in the folder, newest name first (names start with the creation time).
    public func sessionFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names
            .filter { $0.hasSuffix(".\(SessionFileName.fileExtension)") && !$0.hasPrefix(".") }
            .sorted(by: >)
            .map { folder.appendingPathComponent($0) }
    }

    /// Every session in the folder, newest first, plus the files that could not be read.
    public func list() -> (sessions: [SessionSummary], problems: [SessionError]) {
        var sessions: [SessionSummary] = []
        var problems: [SessionError] = []
        var kept: [String: SessionScanCache.Entry] = [:]
        for file in sessionFiles() {
            do {
                let stamp = FileStamp(file)
                let scan = try SessionIndex.scan(file)
                sessions.append(scan.summary)
                if let stamp { kept[file.path] = SessionScanCache.Entry(stamp: stamp, scan: scan) }
            } catch {
                problems.append(error)
            }
        }
        scans.replace(with: kept)
        sessions.sort { $0.created > $1.created }
        return (sessions, problems)
    }

    /// Scans one session for the browser's run list. The browser lists the folder and then opens a
    /// session: the scan `list()` just made is reused while the file's size and modification time are
    /// unchanged (scanning a 100 MB session twice doubled the wait for its first screen).
    public func open(_ file: URL) throws(SessionError) -> SessionScan {
        if let stamp = FileStamp(file), let scan = scans.scan(for: file.path, stamp: stamp) { return scan }
        return try SessionIndex.scan(file)
    }

    /// Loads one run of a scanned session in full.
    public func loadRun(_ summary: RunSummary, from file: URL) throws(SessionError) -> RecordedRun {
        try SessionIndex.loadRun(summary, from: file)
    }

    /// Loads a group's runs of a scanned session in full, reading the file once.
    public func loadRuns(_ summaries: [RunSummary], from file: URL) throws(SessionError) -> [RecordedRun] {
        try SessionIndex.loadRuns(summaries, from: file)
    }

    /// Starts a new session file in the folder (created 0700 if missing).
    public func create(title: String, refractVersion: String = "unknown") throws(SessionError) -> SessionWriter {
        try SessionWriter.create(in: folder, title: title, refractVersion: refractVersion, scrubber: scrubber ?? .fromEnvironment())
    }

    /// Renames a session by appending a `renamed` event (refused while another writer has it open;
    /// a session open in this process is renamed through its own `SessionWriter.rename`).
    public func rename(_ file: URL, to title: String) throws(SessionError) {
        let writer = try SessionWriter.openForAppending(file, scrubber: scrubber ?? .fromEnvironment())
        defer { writer.close() }
        try writer.rename(to: title)
    }

    /// Deletes a session file, unless another Refract is writing to it.
    public func delete(_ file: URL) throws(SessionError) {
        let fd = Glibc.open(file.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SessionError.storage(errno, path: file.path, doing: "delete") }
        defer { close(fd) }
        if case .held(let pid) = FileLock.tryExclusive(fd) { throw SessionError.locked(file.path, pid: pid) }
        guard unlink(file.path) == 0 else { throw SessionError.storage(errno, path: file.path, doing: "delete") }
    }

    /// Searches every session's prompts and answers (case-insensitive); unreadable files are skipped.
    public func search(_ query: String, limit: Int = 500) -> [SearchHit] {
        var hits: [SearchHit] = []
        for file in sessionFiles() where hits.count < limit {
            hits += (try? SessionSearch.search(query, in: file, limit: limit - hits.count)) ?? []
        }
        return hits
    }
}

/// What identifies a version of a file cheaply: device, inode, size and modification time.
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    /// The file's stamp now, or nil when it cannot be read. Taken before a scan, so a file that grows
    /// during the scan gets a stamp that no longer matches and is scanned again.
    init?(_ file: URL) {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}

/// The scans of the last `list()`, shared by copies of a `SessionStore`.
final class SessionScanCache: Sendable {
    struct Entry: Sendable {
        var stamp: FileStamp
        var scan: SessionScan
    }

    private let entries = Mutex<[String: Entry]>([:])

    func replace(with new: [String: Entry]) { entries.withLock { $0 = new } }

    func scan(for path: String, stamp: FileStamp) -> SessionScan? {
        entries.withLock { entries in
            guard let entry = entries[path], entry.stamp == stamp else { return nil }
            return entry.scan
        }
    }
}
