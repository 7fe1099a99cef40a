import Foundation
import PromptFiles
import Providers
import Testing
@testable import Workbench

/// Attachments through the reducer: entries in the prompt file are loaded off the UI thread (an effect),
/// a stale load is dropped, the picker attaches and detaches, a run waits for the files and carries them.
@Suite struct AttachmentReducerTests {
    static let url = URL(fileURLWithPath: "/tmp/refract-test/demo.refract.toml")

    func opened(_ entries: [String]) -> WorkbenchHarness {
        var h = WorkbenchHarness()
        var doc = PromptDocument()
        doc.instructions = [PromptInstruction(name: "a", text: "Describe.")]
        doc.attachments = entries.map(PromptAttachment.init(path:))
        h.state.document.url = Self.url
        h.state.load(doc, defaultMode: { _ in .chat })
        return h
    }

    static func text(_ path: String) -> ContextFile {
        ContextFile(path: path, kind: .text, mediaType: "text/plain", bytes: 5, sha256: "h", content: Data("hello".utf8))
    }

    func loads(_ effects: [Effect]) -> [[String]] {
        effects.compactMap { if case .loadAttachments(let entries, let folder) = $0, folder == Self.url.deletingLastPathComponent() { entries } else { nil } }
    }

    @Test func entriesAreLoadedAndARunWaitsForThemThenCarriesThem() {
        var h = opened(["notes.txt"])
        let effects = h.send(.tick)
        #expect(loads(effects) == [["notes.txt"]])
        #expect(h.state.attachments.loading)
        h.key("C-r")
        #expect(h.lastRequest == nil, "no run while the files are read")
        #expect(h.state.notice?.text == "the attached files are still being read: run again in a moment")
        let counting = h.send(.attachmentsLoaded(entries: ["notes.txt"], files: [Self.text("notes.txt")], error: nil))
        #expect(h.state.attachments.summaries.map(\.line) == ["notes.txt · text · 5 B · ≈ 2 tokens"])
        #expect(counting == [.countAttachmentTokens([Self.text("notes.txt")], entries: ["notes.txt"], model: h.state.model)], "a local model counts them itself")
        h.send(.attachmentTokensCounted(entries: ["notes.txt"], counts: [1]))
        #expect(h.state.attachments.summaries.map(\.line) == ["notes.txt · text · 5 B · 1 tokens"])
        h.key("C-r")
        let request = h.lastRequest?.request
        #expect(request?.messages.last?.content == "File: notes.txt\n```\nhello\n```\n\nDescribe.")
    }

    @Test func aBrokenEntryStopsRunsAndAStaleLoadIsDropped() {
        var h = opened(["gone.md"])
        h.send(.tick)
        h.send(.attachmentsLoaded(entries: ["other.md"], files: [Self.text("other.md")], error: nil))
        #expect(h.state.attachments.loading, "a load for other entries is not this one")
        h.send(.attachmentsLoaded(entries: ["gone.md"], files: [], error: "attachment gone.md: no such file — check the path (relative to /tmp/refract-test)"))
        h.key("C-r")
        #expect(h.lastRequest == nil)
        #expect(h.state.notice?.text == "attachment gone.md: no such file — check the path (relative to /tmp/refract-test)")
    }

    @Test func thePickerFiltersAttachesAndDetaches() {
        var h = opened([])
        h.send(.tick)
        let effects = h.key("M-a")
        #expect(effects.contains { if case .listAttachableFiles(let folder, let absolute) = $0 { folder == Self.url.deletingLastPathComponent() && !absolute } else { false } })
        h.send(.attachableFilesListed([AttachableFile(shown: "a.md", entry: "a.md"), AttachableFile(shown: "img/cat.png", entry: "img/cat.png")]))
        h.type("cat")
        let attached = h.key("Enter")
        #expect(h.state.document.base.attachments.map(\.path) == ["img/cat.png"])
        #expect(loads(attached) == [["img/cat.png"]], "picked files are loaded at once")
        #expect(h.state.promptDocument.attachments.map(\.path) == ["img/cat.png"], "and saved in the prompt file")
        h.key("M-a")
        h.send(.attachableFilesListed([AttachableFile(shown: "a.md", entry: "a.md"), AttachableFile(shown: "img/cat.png", entry: "img/cat.png")]))
        h.key("Down")
        h.key("Enter")
        #expect(h.state.document.base.attachments.isEmpty, "Enter on an attached file detaches it")
        #expect(h.state.notice?.text == "detached img/cat.png")
        h.key("M-a")
        h.key("Esc")
        #expect(h.state.overlay == nil)
    }
}
