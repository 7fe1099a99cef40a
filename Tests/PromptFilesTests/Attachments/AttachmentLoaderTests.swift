import Foundation
import Testing
@testable import PromptFiles
@testable import Providers

/// Files, globs and folders become attachments in a stable order, told apart by content, within the
/// documented limits; every refusal is one line naming the file.
@Suite struct AttachmentLoaderTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("refract-attach-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs/sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs/.git"), withIntermediateDirectories: true)
        try write("docs/b.md", "bee")
        try write("docs/a.md", "ay")
        try write("docs/sub/c.txt", "sea")
        try write("docs/.hidden.md", "no")
        try write("docs/.git/config", "no")
        try write("docs/tool.bin", Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1]))
        try write("cat.png", Self.png)
        try write("report.pdf", Data("%PDF-1.7\n...".utf8))
    }

    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 2, 128, 0, 0, 1, 224, 8, 2, 0, 0, 0])

    func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }
    func write(_ path: String, _ data: Data) throws { try data.write(to: folder.appendingPathComponent(path)) }

    func load(_ paths: String...) throws(AttachmentError) -> [ContextFile] {
        try AttachmentLoader.load(paths.map { AttachmentLoader.Entry(path: $0, base: folder) })
    }

    @Test func aFolderIsReadRecursivelyInPathOrderWithoutHiddenFilesOrBinaries() throws {
        let files = try load("docs")
        #expect(files.map(\.path) == ["docs/a.md", "docs/b.md", "docs/sub/c.txt"])
        #expect(files.allSatisfy { $0.kind == .text })
        #expect(files[0].content == Data("ay".utf8))
        #expect(files[0].location == folder.appendingPathComponent("docs/a.md").standardizedFileURL.path)
    }

    @Test func aGlobMatchesInOrderAndAFileNamedTwiceIsAttachedOnce() throws {
        let files = try load("docs/*.md", "docs/a.md", "cat.png", "report.pdf")
        #expect(files.map(\.path) == ["docs/a.md", "docs/b.md", "cat.png", "report.pdf"])
        #expect(files.map(\.kind) == [.text, .text, .image, .pdf])
        #expect(files[2].mediaType == "image/png")
        #expect(files[2].sha256.count == 64)
    }

    @Test func refusalsAreOneLineNamingTheFile() {
        #expect(throws: AttachmentError("attachment docs/tool.bin: binary, not text (UTF-8), PNG, JPEG, WebP, GIF or PDF — attach a file of one of those kinds")) {
            try load("docs/tool.bin")
        }
        #expect(throws: AttachmentError("attachment nope.md: no such file — check the path (relative to \(folder.standardizedFileURL.path))")) {
            try load("nope.md")
        }
        #expect(throws: AttachmentError("attachment docs/*.pdf: matches no file — check the pattern (relative to \(folder.standardizedFileURL.path))")) {
            try load("docs/*.pdf")
        }
    }

    @Test func theTotalLimitIsChecked() throws {
        let big = String(repeating: "x", count: AttachmentRules.maxTotalBytes / 2 + 1)
        try write("big1.txt", big)
        try write("big2.txt", big)
        #expect(throws: AttachmentError("attachment big2.txt: the attachments come to more than 16.0 MB together — attach fewer or smaller files")) {
            try load("big1.txt", "big2.txt")
        }
    }

    @Test func kindsAreToldByContent() {
        #expect(AttachmentKind.detect(Self.png) == .image(mediaType: "image/png"))
        #expect(AttachmentKind.detect(Data([0xFF, 0xD8, 0xFF, 0xE0])) == .image(mediaType: "image/jpeg"))
        #expect(AttachmentKind.detect(Data("GIF89a..".utf8)) == .image(mediaType: "image/gif"))
        #expect(AttachmentKind.detect(Data("RIFF\0\0\0\0WEBPVP8 ".utf8)) == .image(mediaType: "image/webp"))
        #expect(AttachmentKind.detect(Data("%PDF-1.4".utf8)) == .pdf)
        #expect(AttachmentKind.detect(Data("héllo ``` world".utf8)) == .text)
        #expect(AttachmentKind.detect(Data([0x68, 0xFF, 0x69])) == .binary, "not UTF-8")
        #expect(AttachmentKind.detect(Data([0x68, 0x00, 0x69])) == .binary, "a NUL byte")
    }

    @Test func pixelSizesComeFromTheHeader() {
        #expect(ImagePixelSize.read(Self.png) == ImagePixelSize(width: 640, height: 480))
        #expect(ImagePixelSize.read(Data("GIF89a".utf8) + Data([0x20, 0x01, 0x10, 0x00, 0, 0])) == ImagePixelSize(width: 288, height: 16))
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0, 0, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x64, 0x00, 0xC8, 0x03])
        #expect(ImagePixelSize.read(jpeg) == ImagePixelSize(width: 200, height: 100))
    }

    @Test func theSummaryShowsNameKindSizeTokensAndIsInert() throws {
        let files = try load("docs/a.md", "cat.png")
        #expect(AttachmentSummary(files[0]).line == "docs/a.md · text · 2 B · ≈ 1 tokens")
        #expect(AttachmentSummary(files[0], countedTokens: 2).line == "docs/a.md · text · 2 B · 2 tokens")
        #expect(AttachmentSummary(files[1]).line == "cat.png · image/png 640×480 · 29 B")
        #expect(AttachmentSummary.inert("a\u{1B}[2Jb") == "a\u{FFFD}[2Jb")
    }
}
