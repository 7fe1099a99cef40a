import Foundation
import PromptFiles
import Providers
import Testing
import TerminalUI
@testable import Workbench

/// The context pane: attached files, the schema and the tools, one line each, opened in place.
@Suite struct ContextPaneTests {
    static let png: [UInt8] = Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAFCAIAAAD38zoCAAAAXElEQVR42mXLuwlCQRBA0eMHNtsBYYOBRYSXmTmxlRhbhJVYiZVYkc/ERLjZ4cKRKzcePHnxZqNWaP9tV1BNdTXUVIs6q8vOXWSPPESOyIyckafIZf89NDqD+esDurAJ0dp6Bo8AAAAASUVORK5CYII=")!)

    static func document() throws -> PromptDocument {
        var doc = PromptDocument()
        doc.attachments = [PromptAttachment(path: "notes.md"), PromptAttachment(path: "chart.png")]
        doc.schema = try JSONParser.parse(#"{"type":"object","properties":{"title":{"type":"string"},"priority":{"enum":["low","high"]}},"required":["title"]}"#)
        var tool = PromptTool(name: "get_weather", description: "Weather for a city", answer: .result("sunny in {{args.city}}"))
        tool.parameters = try JSONParser.parse(#"{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string"}}}"#)
        doc.tools = [tool, PromptTool(name: "lookup", answer: .command(["/usr/bin/grep", "-i"], timeoutSeconds: 5))]
        return doc
    }

    /// A folder with the two attached files, removed when the test ends.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("context-\(UUID().uuidString)")
        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("# Notes\nfirst line\n\u{1B}[31mred\u{1B}[0m\n".utf8).write(to: url.appendingPathComponent("notes.md"))
            try Data(png).write(to: url.appendingPathComponent("chart.png"))
        }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// A harness whose prompt file has the context above, its files loaded and its image decoded as the
    /// effect runner would (the same functions, called here).
    static func harness(_ folder: Folder, graphics: TerminalGraphics = .blocks, width: Int = 120, height: Int = 44) throws -> WorkbenchHarness {
        var h = WorkbenchHarness(width: width, height: height)
        h.state.context.graphics = graphics
        h.state.document.url = folder.url.appendingPathComponent("p.refract.toml")
        h.state.document.base = try document()
        let effects = h.send(.input(.resize(width: width, height: height)))
        let loads = effects.compactMap { if case .loadAttachments(let entries, let at) = $0 { (entries, at) } else { nil } }
        let (entries, at) = try #require(loads.first)
        let (files, error) = AttachableFiles.load(entries, folder: at)
        #expect(error == nil)
        let decodes = h.send(.attachmentsLoaded(entries: entries, files: files, error: nil)).compactMap { if case .decodeImagePreviews(let f) = $0 { f } else { nil } }
        #expect(decodes.count == 1 && decodes[0].map(\.path) == ["chart.png"])
        // Asked once: the next action decodes nothing again.
        #expect(!h.send(.tick).contains { if case .decodeImagePreviews = $0 { true } else { false } })
        var previews: [String: AttachmentPreview] = [:]
        for file in decodes[0] { previews[file.sha256] = AttachmentPreview.decode(file.content!, mediaType: file.mediaType) }
        h.send(.imagePreviewsDecoded(previews))
        return h
    }

    func contextLines(_ h: WorkbenchHarness) -> [String] {
        let rect = h.state.layout.panes[.context]!
        return Array(h.render().lines[rect.y..<rect.maxY]).map { String($0.prefix(rect.maxX).dropFirst(rect.x)) }
    }

    @Test func everyItemHasOneLineWithWhatItCosts() throws {
        let folder = try Folder()
        let h = try Self.harness(folder)
        let lines = contextLines(h)
        #expect(lines[0].hasPrefix("╭ Context") && lines[0].contains("5"))
        #expect(lines.contains { $0.contains("▸ notes.md") && $0.contains("text · 32 B · ~8 tok") })
        #expect(lines.contains { $0.contains("▸ chart.png") && $0.contains("PNG · 8×5 · 149 B") })
        #expect(lines.contains { $0.contains("▸ schema") && $0.contains("object · title, priority") })
        #expect(lines.contains { $0.contains("▸ tool get_weather(city, unit)") && $0.contains("→ fixed result") })
        #expect(lines.contains { $0.contains("▸ tool lookup()") && $0.contains("→ runs grep") })
    }

    @Test func enterOpensAnItemInPlace() throws {
        let folder = try Folder()
        var h = try Self.harness(folder)
        h.key("M-7")
        #expect(h.state.focus == .context)
        h.key("Enter")
        var lines = contextLines(h)
        #expect(lines.contains { $0.contains("▾ notes.md") })
        #expect(lines.contains { $0.contains("  # Notes") })
        // The escape sequence in the file is shown inert.
        #expect(!lines.joined().contains("\u{1B}"))
        #expect(lines.contains { $0.contains("red") })
        h.key("Enter")
        #expect(!contextLines(h).contains { $0.contains("  # Notes") })
        h.key("Down"); h.key("Down")
        h.key("Space")
        lines = contextLines(h)
        #expect(lines.contains { $0.contains("\"title\": {") })
        #expect(lines.contains { $0.contains("\"enum\": [") })
        #expect(lines.contains { $0.contains("\"high\"") })
    }

    @Test func anImageIsPreviewedWithHalfBlocksInColour() throws {
        let folder = try Folder()
        var h = try Self.harness(folder)
        h.key("M-7"); h.key("Down"); h.key("Enter")
        let frame = h.render(theme: .standard)
        let rect = h.state.layout.panes[.context]!
        let blocks = (rect.y..<rect.maxY).flatMap { y in (rect.x..<rect.maxX).map { frame[$0, y] } }.filter { $0.grapheme == "▀" }
        // 8×5 pixels: 8 columns × 3 rows of half blocks; (0,0) is black, pixels to the right get redder.
        #expect(blocks.count == 24)
        #expect(Set(blocks.map(\.style.foreground)).count > 3)
        #expect(frame.images.isEmpty)
    }

    @Test func kittyTerminalsGetTheFileItselfOverBlankCells() throws {
        let folder = try Folder()
        var h = try Self.harness(folder, graphics: .kitty)
        h.key("M-7"); h.key("Down"); h.key("Enter")
        let frame = h.render(theme: .standard)
        #expect(frame.images.count == 1)
        let placement = try #require(frame.images.first)
        #expect(String(decoding: placement.sequence.prefix(12), as: UTF8.self) == "\u{1B}_Ga=T,f=100")
        #expect(placement.area.width == 8 && placement.area.height == 3)
        #expect(frame[placement.area.x, placement.area.y].grapheme == " ")
        // An overlay on top hides the image (it would be drawn over the overlay).
        h.key("F1")
        #expect(h.render(theme: .standard).images.isEmpty)
    }

    @Test func withoutColourAnImageIsItsSummary() throws {
        let folder = try Folder()
        var h = try Self.harness(folder, graphics: .none)
        h.key("M-7"); h.key("Down"); h.key("Enter")
        let lines = contextLines(h)
        #expect(lines.contains { $0.contains("chart.png · image/png 8×5 · 149 B") })
        #expect(!lines.joined().contains("▀"))
    }

    @Test func aFileThatCannotBeLoadedSaysWhy() throws {
        let folder = try Folder()
        var h = WorkbenchHarness(width: 120, height: 44)
        h.state.document.url = folder.url.appendingPathComponent("p.refract.toml")
        h.state.document.base.attachments = [PromptAttachment(path: "gone.txt")]
        let effects = h.send(.tick)
        let (entries, at) = try #require(effects.compactMap { if case .loadAttachments(let e, let a) = $0 { (e, a) } else { nil } }.first)
        #expect(contextLines(h).contains { $0.contains("attachments") && $0.contains("reading…") })
        let (files, error) = AttachableFiles.load(entries, folder: at)
        h.send(.attachmentsLoaded(entries: entries, files: files, error: error))
        h.key("M-7"); h.key("Enter")
        let lines = contextLines(h)
        #expect(lines.contains { $0.contains("attachments") && $0.contains("not loaded") })
        #expect(lines.contains { $0.contains("gone.txt") })
    }

    @Test func dDetachesTheSelectedFileAndTheFileKeepsIt() throws {
        let folder = try Folder()
        var h = try Self.harness(folder)
        let saved = h.state.contentFingerprint
        h.key("M-7"); h.key("Down")
        let effects = h.key("d")
        #expect(h.state.document.base.attachments.map(\.path) == ["notes.md"])
        // The files are loaded again for what is attached now.
        let (entries, at) = try #require(effects.compactMap { if case .loadAttachments(let e, let a) = $0 { (e, a) } else { nil } }.first)
        #expect(entries == ["notes.md"])
        let (files, error) = AttachableFiles.load(entries, folder: at)
        h.send(.attachmentsLoaded(entries: entries, files: files, error: error))
        #expect(contextLines(h).contains { $0.contains("▸ notes.md") } && !contextLines(h).contains { $0.contains("chart.png") })
        #expect(h.state.notice?.text == "detached chart.png")
        #expect(h.state.contentFingerprint != saved)
        #expect(h.state.promptDocument.attachments.map(\.path) == ["notes.md"])
        // The schema is not a file: it stays, and the line says where it lives.
        h.key("Down"); h.key("d")
        #expect(h.state.document.base.schema != nil)
        #expect(h.state.notice?.text.contains("live in the prompt file") == true)
    }

    @Test func aFileAttachedByItsAbsolutePathIsDetachedToo() throws {
        let folder = try Folder()
        var h = WorkbenchHarness(width: 120, height: 44)
        h.state.document.url = folder.url.appendingPathComponent("p.refract.toml")
        let absolute = folder.url.appendingPathComponent("notes.md").path
        h.state.document.base.attachments = [PromptAttachment(path: absolute)]
        let (entries, at) = try #require(h.send(.tick).compactMap { if case .loadAttachments(let e, let a) = $0 { (e, a) } else { nil } }.first)
        let (files, error) = AttachableFiles.load(entries, folder: at)
        h.send(.attachmentsLoaded(entries: entries, files: files, error: error))
        #expect(contextLines(h).contains { $0.contains("▸ notes.md") })
        h.key("M-7"); h.key("d")
        #expect(h.state.document.base.attachments.isEmpty)
        #expect(h.state.notice?.text == "detached notes.md")
    }

    @Test func imagesThatAreNotDecodedSayWhy() {
        #expect(AttachmentPreview.decode(Data("GIF89a....".utf8), mediaType: "image/gif").unavailable == "GIF is not decoded here")
        let broken = AttachmentPreview.decode(Data(Self.png.prefix(40)) + Data(repeating: 0xCD, count: 60), mediaType: "image/png")
        #expect(broken.image == nil && broken.unavailable?.contains("runs past the end of the file") == true)
        let good = AttachmentPreview.decode(Data(Self.png), mediaType: "image/png")
        #expect(good.image?.width == 8 && good.png?.count == 149)
    }

    @Test func anEmptyContextTakesNoRoomUntilFocused() {
        var h = WorkbenchHarness()
        #expect(h.state.layout.panes[.context]?.height == 0)
        h.key("M-7")
        #expect(h.state.layout.panes[.context]!.height >= 3)
        #expect(contextLines(h).contains { $0.contains("no files, schema or tools") })
    }
}
