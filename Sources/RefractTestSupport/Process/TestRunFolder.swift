import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where tests keep the files they write.
///
/// `scripts/test` creates one run folder, exports it as `REFRACT_TEST_RUN_DIR` (and as `TMPDIR`), searches
/// everything in it for the canary key once the tests are done, then removes it. While such a folder is
/// set, tests keep their files in it (removing them would hide them from that search); without one they
/// use the system's temporary folder and clean up after themselves.
public enum TestRunFolder {
    /// The run folder `scripts/test` set, if any.
    public static var runDirectory: String? {
        guard let dir = ProcessInfo.processInfo.environment["REFRACT_TEST_RUN_DIR"], !dir.isEmpty else { return nil }
        return dir
    }

    /// The folder new test folders go in.
    public static var base: String {
        runDirectory ?? FileManager.default.temporaryDirectory.path
    }

    /// Creates a fresh folder `<base>/<prefix>-XXXXXX` and returns its path.
    public static func makeFolder(prefix: String) -> String {
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer -> String in
            guard let start = buffer.baseAddress, let made = mkdtemp(start) else {
                let fallback = "\(base)/\(prefix)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
                try? FileManager.default.createDirectory(atPath: fallback, withIntermediateDirectories: true)
                return fallback
            }
            return String(cString: made)
        }
    }

    /// Removes a folder a test made, unless a run folder keeps it for the canary search.
    public static func discard(_ path: String) {
        guard runDirectory == nil else { return }
        chmod(path, 0o700)
        try? FileManager.default.removeItem(atPath: path)
    }
}
