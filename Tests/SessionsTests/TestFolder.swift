import Foundation
import RefractTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder in the test run's folder (`TestRunFolder`), removed when the value goes away unless the run keeps it.
final class TestFolder {
    let url: URL

    init() {
        url = URL(fileURLWithPath: TestRunFolder.makeFolder(prefix: "refract-sessions-test"))
    }

    deinit {
        TestRunFolder.discard(url.path)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// Reads a whole file as bytes (tests only).
func bytes(of url: URL) -> [UInt8] {
    (try? Array(Data(contentsOf: url))) ?? []
}

/// Reads a whole file as text (tests only).
func text(of url: URL) -> String {
    String(decoding: bytes(of: url), as: UTF8.self)
}

/// The permission bits of a path, from stat(2).
func mode(of path: String) -> mode_t {
    var st = stat()
    guard stat(path, &st) == 0 else { return 0 }
    return st.st_mode & 0o777
}
