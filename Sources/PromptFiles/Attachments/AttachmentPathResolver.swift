import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns what was written (a file, a glob like `docs/*.md`, a folder) into the files it names, in a
/// stable order: a glob's matches and a folder's files sorted by path; folders recursively, without
/// hidden files or folders (names starting with `.`).
public enum AttachmentPathResolver {
    /// One file an entry named: where it is, and the path shown for it.
    public struct Resolved: Sendable, Equatable {
        public var url: URL
        public var shown: String
        /// True when it came from a folder: binaries there are skipped instead of refused.
        public var fromFolder: Bool
    }

    /// The files `entry` names, relative paths taken from `base`.
    public static func resolve(_ entry: String, base: URL) throws(AttachmentError) -> [Resolved] {
        let expanded = (entry as NSString).expandingTildeInPath
        let absolute = expanded.hasPrefix("/") ? expanded : base.appendingPathComponent(expanded).path
        let fm = FileManager.default
        if entry.contains(where: { "*?[".contains($0) }) {
            let matches = glob(absolute)
            guard !matches.isEmpty else { throw AttachmentError("attachment \(entry): matches no file — check the pattern (relative to \(shownBase(base)))") }
            var found: [Resolved] = []
            for path in matches {
                var isDir: ObjCBool = false
                fm.fileExists(atPath: path, isDirectory: &isDir)
                let url = URL(fileURLWithPath: path).standardizedFileURL
                found += isDir.boolValue ? try folder(url, base: base) : [Resolved(url: url, shown: shown(path, base: base), fromFolder: false)]
            }
            return found
        }
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: absolute, isDirectory: &isDir) else {
            throw AttachmentError("attachment \(entry): no such file — check the path (relative to \(shownBase(base)))")
        }
        if isDir.boolValue { return try folder(URL(fileURLWithPath: absolute), base: base) }
        return [Resolved(url: URL(fileURLWithPath: absolute).standardizedFileURL, shown: shown(absolute, base: base), fromFolder: false)]
    }

    static func folder(_ url: URL, base: URL) throws(AttachmentError) -> [Resolved] {
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw AttachmentError("attachment \(shown(url.path, base: base)): the folder cannot be read — check its permissions")
        }
        var files: [Resolved] = []
        for case let file as URL in walker {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            files.append(Resolved(url: file.standardizedFileURL, shown: shown(file.path, base: base), fromFolder: true))
        }
        return files.sorted { $0.shown < $1.shown }
    }

    /// `path` relative to `base` when inside it, else as it is.
    public static func shown(_ path: String, base: URL) -> String {
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let root = base.standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }

    static func shownBase(_ base: URL) -> String {
        base.standardizedFileURL.path == FileManager.default.currentDirectoryPath ? "the working folder" : base.standardizedFileURL.path
    }

    /// POSIX glob(3), sorted; hidden names only when the pattern spells the dot.
    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc_glob(pattern, &result) == 0 else { return [] }
        var paths: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            if let p = result.gl_pathv[i] { paths.append(String(cString: p)) }
        }
        return paths.sorted()
    }

    private static func Glibc_glob(_ pattern: String, _ result: inout glob_t) -> Int32 {
        #if canImport(Glibc)
        return Glibc.glob(pattern, 0, nil, &result)
        #else
        return Darwin.glob(pattern, 0, nil, &result)
        #endif
    }
}
