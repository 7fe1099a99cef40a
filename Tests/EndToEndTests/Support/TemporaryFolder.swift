import Foundation
import RefractTestSupport

/// A fresh folder in the test run's folder (`TestRunFolder`), removed when the value goes away unless the run keeps it.
final class TemporaryFolder {
    let path: String

    init(prefix: String = "refract-e2e") {
        path = Self.makePath(prefix: prefix)
    }

    deinit {
        TestRunFolder.discard(path)
    }

    /// Creates a unique folder in the test run's folder and returns its path.
    static func makePath(prefix: String) -> String {
        TestRunFolder.makeFolder(prefix: prefix)
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
