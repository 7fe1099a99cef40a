import Foundation
import Platform
import Providers

/// Reads attachments: resolves each entry (file, glob, folder), reads and classifies every file, and
/// checks the documented limits, before anything is sent. Order: entries as written, each entry's files
/// in path order; a file named twice is attached once.
public enum AttachmentLoader {
    /// One entry as written, and the folder its relative paths start from.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var base: URL
        public init(path: String, base: URL) {
            self.path = path
            self.base = base
        }
    }

    /// Every file the entries name, loaded (bytes, kind, SHA-256).
    public static func load(_ entries: [Entry]) throws(AttachmentError) -> [ContextFile] {
        var files: [ContextFile] = []
        var seen = Set<String>()
        var total = 0
        for entry in entries {
            for found in try AttachmentPathResolver.resolve(entry.path, base: entry.base) where seen.insert(found.url.path).inserted {
                guard files.count < AttachmentRules.maxFiles else {
                    throw AttachmentError("attachment \(entry.path): the attachments name more than \(AttachmentRules.maxFiles) files — attach a narrower folder or pattern")
                }
                guard let file = try read(found) else { continue }
                total += file.bytes
                if total > AttachmentRules.maxTotalBytes {
                    throw AttachmentError("attachment \(found.shown): the attachments come to more than \(AttachmentRules.size(AttachmentRules.maxTotalBytes)) together — attach fewer or smaller files")
                }
                files.append(file)
            }
        }
        return files
    }

    /// One file read and classified; nil for a binary found inside a folder (skipped by rule).
    static func read(_ found: AttachmentPathResolver.Resolved) throws(AttachmentError) -> ContextFile? {
        let size = (try? FileManager.default.attributesOfItem(atPath: found.url.path)[.size] as? Int) ?? 0
        if size > AttachmentRules.maxFileBytes {
            throw AttachmentError("attachment \(found.shown): \(AttachmentRules.size(size)) is over the \(AttachmentRules.size(AttachmentRules.maxFileBytes)) one file may have — attach a smaller file")
        }
        let data: Data
        do { data = try Data(contentsOf: found.url) } catch {
            throw AttachmentError("attachment \(found.shown): cannot be read — check that it exists and its permissions")
        }
        let kind = AttachmentKind.detect(data)
        guard let contextKind = kind.contextKind else {
            if found.fromFolder { return nil }
            throw AttachmentError("attachment \(found.shown): binary, not text (UTF-8), PNG, JPEG, WebP, GIF or PDF — attach a file of one of those kinds")
        }
        return ContextFile(
            path: found.shown, location: found.url.path, kind: contextKind, mediaType: kind.mediaType, bytes: data.count,
            sha256: SHA256.hex(data), content: data
        )
    }
}
