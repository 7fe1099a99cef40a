import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh temporary folder, removed when the value goes away.
final class TestFolder {
    let url: URL

    init() {
        var template = Array("/tmp/refract-sessions-test-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { buffer -> String in
            guard let base = buffer.baseAddress, let p = mkdtemp(base) else { return "/tmp/refract-sessions-test-fallback-\(getpid())" }
            return String(cString: p)
        }
        url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
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
