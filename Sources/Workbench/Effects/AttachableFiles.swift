import Foundation
import PromptFiles
import Providers

/// The I/O behind the workbench's attachments: reading the entries, listing what the picker offers.
enum AttachableFiles {
    /// The most files the picker lists (a huge folder is filtered by typing, not scrolled).
    static let listLimit = 5000

    static func folder(_ folder: URL?) -> URL {
        folder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// The files the entries name, or the one line saying why not.
    static func load(_ entries: [String], folder: URL?) -> ([ContextFile], String?) {
        let base = Self.folder(folder)
        do { return (try AttachmentLoader.load(entries.map { AttachmentLoader.Entry(path: $0, base: base) }), nil) } catch {
            return ([], error.message)
        }
    }

    /// Every non-hidden file under the folder, in path order.
    static func list(folder: URL?, absolute: Bool) -> [AttachableFile] {
        let base = Self.folder(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var files: [AttachableFile] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let shown = AttachmentPathResolver.shown(url.path, base: base)
            files.append(AttachableFile(shown: shown, entry: absolute ? url.standardizedFileURL.path : shown))
            if files.count >= listLimit { break }
        }
        return files.sorted { $0.shown < $1.shown }
    }
}
