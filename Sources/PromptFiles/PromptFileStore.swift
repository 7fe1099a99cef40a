import Foundation
import Platform
#if canImport(Glibc)
import Glibc
#endif

/// A prompt file as read from disk: the document, the exact text, and the version of the file it came from.
public struct LoadedPromptFile: Sendable {
    public var document: PromptDocument
    public var text: String
    public var signature: FileSignature?
    /// Why the file cannot be written, when it cannot (permissions, a read-only folder).
    public var readOnlyReason: String?
    public var warnings: [String]
}

/// Reads and writes prompt files. Writing is atomic: a temporary file in the same folder, fsync, rename,
/// fsync of the folder, so a crash, a kill or a full disk leaves either the old file or the new one.
public enum PromptFileStore {
    /// Larger files are refused: a prompt file is written by hand; 10 MB is a mistake (a data file, a log).
    public static let maximumBytes = 10 * 1024 * 1024

    /// Reads and checks a file; a missing file is an error here (callers that create files check first).
    public static func load(_ url: URL) throws(PromptFileError) -> LoadedPromptFile {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PromptFileError(file: path, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw PromptFileError(file: path, message: "is a folder, not a prompt file (name a .refract.toml file)") }
        let signature = FileSignature.of(path)
        if let size = signature?.size, size > maximumBytes {
            // In bytes: "is 10 MB; at most 10 MB" would not say what is wrong with a file just over the limit.
            throw PromptFileError(file: path, message: "is \(size) bytes; a prompt file is at most 10 MB (is this the right file?)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PromptFileError(file: path, message: "cannot be read (check its permissions)")
        }
        let bytes = [UInt8](data)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = InvalidUTF8.position(in: bytes)
            throw PromptFileError(file: path, line: line, column: column, message: "is not UTF-8 text (save it as UTF-8)")
        }
        var (document, warnings) = try PromptFileReader(file: path).read(text)
        try SchemaFileLoader.resolve(&document, promptFile: url, text: text)
        return LoadedPromptFile(document: document, text: text, signature: signature, readOnlyReason: readOnlyReason(url), warnings: warnings)
    }

    /// Why `url` cannot be written (nil when it can): the file itself, or its folder for a new file.
    public static func readOnlyReason(_ url: URL) -> String? {
        let path = url.path
        if FileManager.default.fileExists(atPath: path) {
            // Without write bits the file is read-only by its owner's choice, even to root (who may write anyway).
            var st = stat()
            if access(path, W_OK) != 0 || (stat(path, &st) == 0 && st.st_mode & 0o222 == 0) { return "the file is read-only" }
        }
        let folder = url.deletingLastPathComponent().path
        // The atomic save writes a temporary file beside it and renames it.
        if access(folder, W_OK) != 0 { return "its folder \(folder) is read-only" }
        return nil
    }

    /// Writes `text` to `url` atomically and returns the new file's signature.
    @discardableResult
    public static func save(_ text: String, to url: URL) throws(PromptFileError) -> FileSignature? {
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        var mode: mode_t = 0o644
        var st = stat()
        if stat(path, &st) == 0 { mode = st.st_mode & 0o7777 }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw PromptFileError(file: path, message: "not saved: \(String(cString: strerror(errno))) (creating a file in \(folder))") }
        var failure: Int32 = 0
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        _ = fchmod(fd, mode)
        close(fd)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            let why = failure == ENOSPC ? "the disk is full" : String(cString: strerror(failure))
            throw PromptFileError(file: path, message: "not saved: \(why); your text is kept in memory")
        }
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            _ = fsync(dir)
            close(dir)
        }
        return FileSignature.of(path)
    }
}
