import Foundation
import Testing
@testable import PromptFiles

/// Reading and writing prompt files on disk: bad files are clear errors, saves are atomic.
@Suite struct PromptFileStoreTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("refract-store-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    func failure(_ url: URL) -> PromptFileError? {
        do {
            _ = try PromptFileStore.load(url)
            return nil
        } catch {
            return error
        }
    }

    @Test func saveIsAtomicLeavesNoTemporaryFileAndKeepsThePermissions() throws {
        let url = file("p.refract.toml")
        try PromptFileStore.save("format = 1\nsystem = \"one\"\n", to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        let before = FileSignature.of(url.path)
        let after = try PromptFileStore.save("format = 1\nsystem = \"two\"\n", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8).contains("two"))
        #expect(after != before, "a new version")
        #expect(after?.inode != before?.inode, "written beside and renamed over, never in place")
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["p.refract.toml"])
        #expect(try PromptFileStore.load(url).document.system == "two")
    }

    @Test func aFolderIsNotAPromptFile() throws {
        let url = file("dir.refract.toml")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        #expect(failure(url)?.message.contains("is a folder") == true)
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let url = file("big.refract.toml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(PromptFileStore.maximumBytes + 1))
        try handle.close()
        #expect(failure(url)?.message.contains("at most 10 MB") == true)
    }

    @Test func textThatIsNotUTF8NamesItsLineAndColumn() throws {
        let url = file("latin1.refract.toml")
        try Data("system = \"ok\"\ninput = \"caf".utf8 + [0xE9] + Data("\"\n".utf8)).write(to: url)
        let error = try #require(failure(url))
        #expect(error.line == 2 && error.column == 13)
        #expect(error.description.hasSuffix("is not UTF-8 text (save it as UTF-8)"))
    }

    @Test func aFileWithoutWriteBitsIsReadOnlyEvenForRoot() throws {
        let url = file("ro.refract.toml")
        try PromptFileStore.save("format = 1\n", to: url)
        #expect(PromptFileStore.readOnlyReason(url) == nil)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: url.path)
        #expect(PromptFileStore.readOnlyReason(url) == "the file is read-only")
        #expect(try PromptFileStore.load(url).readOnlyReason == "the file is read-only")
    }

    @Test func aSaveIntoAMissingFolderFailsWithOneLineAndLeavesNothing() {
        let url = folder.appendingPathComponent("missing/p.refract.toml")
        #expect {
            try PromptFileStore.save("x", to: url)
        } throws: { error in
            (error as? PromptFileError)?.message.hasPrefix("not saved:") == true
        }
    }

    @Test func aSecondLockOnTheSameFileIsRefusedAndFreedWithTheFirst() throws {
        let url = file("locked.refract.toml")
        let env = ["XDG_RUNTIME_DIR": folder.appendingPathComponent("run").path]
        var first: PromptFileLock?
        if case .acquired(let lock) = PromptFileLock.acquire(for: url, environment: env) { first = lock }
        #expect(first != nil)
        guard case .held(let pid) = PromptFileLock.acquire(for: url, environment: env) else {
            Issue.record("a second lock was given")
            return
        }
        #expect(pid == getpid())
        first = nil
        guard case .acquired = PromptFileLock.acquire(for: url, environment: env) else {
            Issue.record("the lock was not freed")
            return
        }
    }
}
