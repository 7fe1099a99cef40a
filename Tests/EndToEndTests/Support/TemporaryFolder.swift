import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder under /tmp, removed (after restoring write permission) when the value goes away.
final class TemporaryFolder {
    let path: String

    init(prefix: String = "refract-e2e") {
        path = Self.makePath(prefix: prefix)
    }

    deinit {
        chmod(path, 0o700)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Creates a unique folder and returns its path.
    static func makePath(prefix: String) -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer -> String in
            guard let base = buffer.baseAddress, let p = mkdtemp(base) else {
                let fallback = "/tmp/\(prefix)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
                try? FileManager.default.createDirectory(atPath: fallback, withIntermediateDirectories: true)
                return fallback
            }
            return String(cString: p)
        }
    }

    /// `path/name`.
    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    /// Every regular file below the folder (recursively).
    func allFiles() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        var out: [String] = []
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = path + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue { out.append(full) }
        }
        return out.sorted()
    }

    /// The session files (`*.jsonl`) directly in `folder`.
    static func sessionFiles(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.sorted().map { folder + "/" + $0 }
    }
}
