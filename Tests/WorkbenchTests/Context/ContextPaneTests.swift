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
        doc.attachments = [PromptAttachment(path: "notes.md"), PromptAttachment(path: "chart.png"), PromptAttachment(path: "gone.txt")]
        doc.schema = try JSONParser.parse(#"{"type":"object","properties":{"title":{"type":"string"},"priority":{"enum":["low","high"]}},"required":["title"]}"#)
        var tool = PromptTool(name: "get_weather", description: "Weather for a city", answer: .result("sunny in {{args.city}}"))
        tool.parameters = try JSONParser.parse(#"{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string"}}}"#)
        doc.tools = [tool, PromptTool(name: "lookup", answer: .command(["/usr/bin/grep", "-i"], timeoutSeconds: 5))]
        return doc
    }

    /// A harness whose document has the context above, with its files read as the effect runner would.
    static func harness(graphics: TerminalGraphics = .blocks, width: Int = 120, height: Int = 44) throws -> WorkbenchHarness {
        var h = WorkbenchHarness(width: width, height: height)
        h.state.context.graphics = graphics
        h.state.document.base = try document()
        let effects = h.send(.input(.resize(width: width, height: height)))
        let reads = effects.compactMap { if case .readAttachmentPreview(let path, let url) = $0 { (path, url) } else { nil } }
        #expect(reads.map(\.0) == ["notes.md", "chart.png", "gone.txt"])
        #expect(reads.allSatisfy { $0.1.path.hasPrefix("/") })
        // Asked once: the next action reads nothing again.
        #expect(!h.send(.tick).contains { if case .readAttachmentPreview = $0 { true } else { false } })
        h.send(.attachmentPreviewRead(path: "notes.md", AttachmentPreview.describe(Array("# Notes\nfirst line\n\u{1B}[31mred\u{1B}[0m\n".utf8))))
        h.send(.attachmentPreviewRead(path: "chart.png", AttachmentPreview.describe(png)))
        h.send(.attachmentPreviewRead(path: "gone.txt", AttachmentPreview.read(URL(fileURLWithPath: "/nonexistent/gone.txt"))))
        return h
    }

    func contextLines(_ h: WorkbenchHarness) -> [String] {
        let rect = h.state.layout.panes[.context]!
        return Array(h.render().lines[rect.y..<rect.maxY]).map { String($0.prefix(rect.maxX).dropFirst(rect.x)) }
    }

    @Test func everyItemHasOneLineWithWhatItCosts() throws {
        let h = try Self.harness()
        let lines = contextLines(h)
        #expect(lines[0].hasPrefix("╭ Context") && lines[0].contains("6"))
        #expect(lines.contains { $0.contains("▸ notes.md") && $0.contains("text · 32 B · ~8 tok") })
        #expect(lines.contains { $0.contains("▸ chart.png") && $0.contains("PNG image · 8×5 · 149 B") })
        #expect(lines.contains { $0.contains("▸ gone.txt") && $0.contains("missing") })
        #expect(lines.contains { $0.contains("▸ schema") && $0.contains("object · title, priority") })
        #expect(lines.contains { $0.contains("▸ tool get_weather(city, unit)") && $0.contains("→ fixed result") })
        #expect(lines.contains { $0.contains("▸ tool lookup()") && $0.contains("→ runs grep") })
    }

    @Test func enterOpensAnItemInPlace() throws {
        var h = try Self.harness()
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
        h.key("Down"); h.key("Down"); h.key("Down")
        h.key("Space")
        lines = contextLines(h)
        #expect(lines.contains { $0.contains("\"title\": {") })
        #expect(lines.contains { $0.contains("\"enum\": [\"low\", \"high\"]") })
        #expect(lines.contains { $0.contains("\"required\": [\"title\"]") })
    }

    @Test func anImageIsPreviewedWithHalfBlocksInColour() throws {
        var h = try Self.harness()
        h.key("M-7")
        h.key("Down")
        h.key("Enter")
        let frame = h.render(theme: .standard)
        let rect = h.state.layout.panes[.context]!
        let blocks = (rect.y..<rect.maxY).flatMap { y in (rect.x..<rect.maxX).map { frame[$0, y] } }.filter { $0.grapheme == "▀" }
        // 8×5 pixels: 8 columns × 3 rows of half blocks; (0,0) is black, pixels to the right get redder.
        #expect(blocks.count == 24)
        #expect(Set(blocks.map(\.style.foreground)).count > 3)
        #expect(frame.images.isEmpty)
    }

    @Test func kittyTerminalsGetTheFileItselfOverBlankCells() throws {
        var h = try Self.harness(graphics: .kitty)
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

    @Test func withoutColourAnImageIsItsNameAndSize() throws {
        var h = try Self.harness(graphics: .none)
        h.key("M-7"); h.key("Down"); h.key("Enter")
        let lines = contextLines(h)
        #expect(lines.contains { $0.contains("PNG, 8×5 pixels, 149 B") })
        #expect(!lines.joined().contains("▀"))
    }

    @Test func aMissingFileSaysSo() throws {
        var h = try Self.harness()
        h.key("M-7"); h.key("Down"); h.key("Down"); h.key("Enter")
        #expect(contextLines(h).contains { $0.contains("no such file: /nonexistent/gone.txt") })
    }

    @Test func filesAreReadFromDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("context-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.png).write(to: folder.appendingPathComponent("a.png"))
        try Data([0, 1, 2, 3, 0xFF]).write(to: folder.appendingPathComponent("blob.bin"))
        try Data("%PDF-1.7\n...".utf8).write(to: folder.appendingPathComponent("doc.pdf"))
        let image = AttachmentPreview.read(folder.appendingPathComponent("a.png"))
        #expect(image.kind == "PNG image" && image.preview?.width == 8 && image.png?.count == 149)
        #expect(AttachmentPreview.read(folder.appendingPathComponent("blob.bin")).kind == "binary")
        #expect(AttachmentPreview.read(folder.appendingPathComponent("doc.pdf")).kind == "PDF document")
        #expect(AttachmentPreview.read(folder).kind == "folder")
        // A PNG header over bytes that do not inflate: its size, and why there is no preview.
        let broken = AttachmentPreview.describe(Array(Self.png.prefix(40)) + Array(repeating: 0xCD, count: 60))
        #expect(broken.image?.width == 8 && broken.preview == nil)
        #expect(broken.noPreview?.contains("runs past the end of the file") == true)
    }

    @Test func anEmptyContextTakesNoRoomUntilFocused() {
        var h = WorkbenchHarness()
        #expect(h.state.layout.panes[.context]?.height == 0)
        h.key("M-7")
        #expect(h.state.layout.panes[.context]!.height >= 3)
        #expect(contextLines(h).contains { $0.contains("no files, schema or tools") })
    }
}

