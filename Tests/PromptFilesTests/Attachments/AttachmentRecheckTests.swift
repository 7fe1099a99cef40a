import Foundation
import Testing
@testable import PromptFiles
@testable import Providers

/// A saved run's files read again: the same file is quiet, a changed one is sent as it is now with a
/// note naming both hashes, a gone one is kept without bytes (so a re-run refuses it) with a note.
@Suite struct AttachmentRecheckTests {
    @Test func sameChangedAndGone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("refract-recheck-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in [("same.txt", "same"), ("edit.txt", "before"), ("gone.txt", "bye")] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let loaded = try AttachmentLoader.load(["same.txt", "edit.txt", "gone.txt"].map { AttachmentLoader.Entry(path: $0, base: folder) })
        // As a session gives them back: no bytes.
        let recorded = try JSONDecoder().decode([ContextFile].self, from: JSONEncoder().encode(loaded))
        try Data("after!".utf8).write(to: folder.appendingPathComponent("edit.txt"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("gone.txt"))

        let (files, notes) = AttachmentRecheck.reload(recorded)
        #expect(files[0].content == Data("same".utf8))
        #expect(files[1].content == Data("after!".utf8))
        #expect(files[1].bytes == 6)
        #expect(files[2].content == nil)
        let before = loaded[1].sha256, after = files[1].sha256
        #expect(notes == [
            "edit.txt changed since the run (sha256 \(before.prefix(12))… then, \(after.prefix(12))… now): a re-run sends it as it is now",
            "gone.txt is gone since the run (it was at \(folder.appendingPathComponent("gone.txt").standardizedFileURL.path)): a re-run cannot attach it",
        ])
    }
}
