import Foundation
import PromptFiles
import Providers
import Sessions
import Testing
@testable import Workbench

/// The workbench on a prompt file, through the reducer: examples, autosave, outside changes, conflicts.
@Suite struct PromptFileReducerTests {
    static let url = URL(fileURLWithPath: "/tmp/refract-test/demo.refract.toml")

    func opened(_ doc: PromptDocument = PromptDocument(), scratch: Bool = false, readOnly: String? = nil) -> WorkbenchHarness {
        var h = WorkbenchHarness()
        h.state.document.url = Self.url
        h.state.document.isScratch = scratch
        h.state.document.readOnlyReason = readOnly
        h.state.load(doc, defaultMode: { _ in .chat })
        h.state.document.savedText = PromptFileWriter.text(of: doc)
        h.state.document.savedFingerprint = h.state.contentFingerprint
        return h
    }

    func saves(_ effects: [Effect]) -> [String] {
        effects.compactMap { if case .saveDocument(let text, _, _) = $0 { text } else { nil } }
    }

    @Test func examplesAreAddedEditedMovedAndSent() throws {
        var h = WorkbenchHarness()
        h.key("M-2")
        h.type("Classify.")
        h.key("M-6")
        h.key("a")
        h.type("good day")
        h.key("Tab")
        h.type("positive")
        h.key("Esc")
        h.key("a")
        h.type("bad day")
        h.key("Tab")
        h.type("negative")
        h.key("Esc")
        #expect(h.state.examples.items.map(\.input.text) == ["good day", "bad day"])
        h.key("K")
        #expect(h.state.examples.items.map(\.input.text) == ["bad day", "good day"])
        h.key("M-3")
        h.type("meh day")
        let request = try #require(h.key("C-r").compactMap { if case .startRun(let r) = $0 { r } else { nil } }.first)
        #expect(request.request.messages.map(\.role) == [.user, .assistant, .user, .assistant, .user])
        #expect(request.request.messages.map(\.content) == ["Classify.\n\nbad day", "negative", "good day", "positive", "meh day"])
        #expect(request.prompt.examples.count == 2, "the run snapshot records the examples")
        h.key("M-6")
        h.key("d")
        #expect(h.state.examples.items.map(\.input.text) == ["good day"])
    }

    @Test func autosaveWritesHalfASecondAfterAChangeAndOnlyChanges() throws {
        var h = opened()
        h.key("M-2")
        #expect(saves(h.send(.tick)).isEmpty, "moving focus is not a change")
        h.type("Hello")
        #expect(h.state.document.changedSince != nil)
        h.advance(0.2)
        #expect(saves(h.send(.tick)).isEmpty)
        h.advance(0.4)
        let written = saves(h.send(.tick))
        #expect(written.count == 1)
        let doc = try PromptFileReader(file: "x").read(try #require(written.first)).document
        #expect(doc.instructions.first?.text == "Hello")
        h.send(.documentSaved(text: written[0], fingerprint: h.state.document.savingFingerprint))
        h.advance(2)
        #expect(saves(h.send(.tick)).isEmpty, "nothing new to save")
        #expect(h.state.document.changedSince == nil)
    }

    @Test func aFailedSaveIsAWarningAndIsTriedAgain() {
        var h = opened()
        h.key("M-2")
        h.type("x")
        h.advance(1)
        #expect(saves(h.send(.tick)).count == 1)
        h.send(.documentSaveFailed("demo.refract.toml: not saved: the disk is full; your text is kept in memory"))
        #expect(h.state.persistentWarning?.contains("disk is full") == true)
        #expect(h.state.instruction.text == "x")
        h.advance(1)
        #expect(saves(h.send(.tick)).isEmpty)
        h.advance(5)
        #expect(saves(h.send(.tick)).count == 1, "tried again")
    }

    @Test func anOutsideChangeReloadsWhenNothingIsUnsaved() {
        var h = opened()
        var disk = PromptDocument()
        disk.instructions = [PromptInstruction(name: "a", text: "from git"), PromptInstruction(name: "b", text: "second")]
        disk.examples = [PromptExample(input: "i", output: "o")]
        h.send(.documentChangedOnDisk(DiskVersion(document: disk, text: PromptFileWriter.text(of: disk))))
        #expect(h.state.variants.map(\.name) == ["a", "b"])
        #expect(h.state.instruction.text == "from git")
        #expect(h.state.examples.items.count == 1)
        #expect(h.state.notice?.text.contains("reloaded") == true)
        h.advance(2)
        #expect(saves(h.send(.tick)).isEmpty, "a reload is not an edit")
    }

    @Test func anOutsideChangeOverUnsavedEditsIsAConflictThatKeepsBothSides() throws {
        var h = opened()
        h.key("M-2")
        h.type("mine")
        var disk = PromptDocument()
        disk.instructions = [PromptInstruction(name: "instruction 1", text: "theirs")]
        let diskText = PromptFileWriter.text(of: disk)
        h.send(.documentChangedOnDisk(DiskVersion(document: disk, text: diskText)))
        guard case .conflict = h.state.overlay else { Issue.record("no conflict shown"); return }
        #expect(h.state.instruction.text == "mine", "nothing replaced while the user decides")
        h.advance(2)
        #expect(saves(h.send(.tick)).isEmpty, "autosave waits for the choice")
        let screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("text = \"mine\"") && screen.contains("text = \"theirs\""), "both versions are shown")

        var take = h
        let taken = take.key("t")
        #expect(take.state.instruction.text == "theirs")
        let copy = taken.compactMap { if case .writeCopy(let text, _, let label) = $0 { (text, label) } else { nil } }.first
        #expect(copy?.1 == "mine" && copy?.0.contains("mine") == true)

        let kept = h.key("k")
        #expect(h.state.instruction.text == "mine")
        #expect(kept.contains(.writeCopy(text: diskText, nextTo: Self.url, label: "disk")))
        #expect(saves(kept).count == 1)
    }

    @Test func ourOwnSaveSeenOnDiskIsNotAChange() {
        var h = opened()
        h.key("M-2")
        h.type("x")
        h.advance(1)
        let text = saves(h.send(.tick))[0]
        var doc = PromptDocument()
        doc.instructions = [PromptInstruction(name: "instruction 1", text: "x")]
        h.send(.documentChangedOnDisk(DiskVersion(document: doc, text: text)))
        #expect(h.state.overlay == nil)
    }

    @Test func aReadOnlyFileIsNeverWrittenAndQuittingAsks() {
        var h = opened(readOnly: "the file is read-only")
        h.key("M-2")
        h.type("x")
        h.advance(2)
        #expect(saves(h.send(.tick)).isEmpty)
        #expect(!h.state.needsTicks, "nothing to wait for: the loop sleeps")
        #expect(saves(h.key("C-s")).isEmpty)
        #expect(h.state.notice?.text.contains("read-only") == true)
        #expect(!h.key("C-q").contains(.quit))
        guard case .confirm = h.state.overlay else { Issue.record("quitting did not ask"); return }
        #expect(h.key("y").contains(.quit))
    }

    @Test func theScratchWorkspaceKeepsTheFocusAndTheVariant() throws {
        var h = opened(scratch: true)
        h.key("M-n")
        h.key("M-3")
        h.advance(1)
        let text = try #require(saves(h.send(.tick)).first)
        let doc = try PromptFileReader(file: "x").read(text).document
        #expect(doc.workbench == WorkbenchPlace(focus: "input", variant: 1))
        var reopened = WorkbenchHarness()
        reopened.state.load(doc, defaultMode: { _ in .chat })
        #expect(reopened.state.focus == .input && reopened.state.activeVariant == 1 && reopened.state.variants.count == 2)
    }

    @Test func saveAsAddsTheEndingAndFreshScratchKeepsTheOldOne() {
        var h = opened(scratch: true)
        h.key("M-2")
        h.type("keep me")
        h.key("M-s")
        for _ in 0..<30 { h.key("Backspace") }
        h.type("mine")
        let effects = h.key("Enter")
        #expect(effects.contains { if case .saveDocumentAs(_, let url, _) = $0 { url.lastPathComponent == "mine.refract.toml" } else { false } })
        let fresh = h.key("C-n") + h.key("y")
        #expect(fresh.contains { if case .writeCopy(let text, _, "previous") = $0 { text.contains("keep me") } else { false } })
        #expect(h.state.instruction.text.isEmpty)
    }
}

/// From the sessions browser to a new prompt file: `w` on a run of a comparison writes the whole group.
@Suite struct ExportFromBrowserTests {
    @Test func writingAComparisonAsAPromptFileAsksForANameThenOpensIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("refract-export-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let jsonl = """
            {"type":"session","version":1,"id":"abc","title":"Tone check","created":"2026-11-23T10:00:00.000Z","refract_version":"0.1.0"}
            {"type":"group_started","group":1,"at":"2026-11-23T10:00:00.500Z","kind":"grid","instructions":["Be formal.","Be casual."],"models":["local:smollm2-135m-instruct"]}
            {"type":"run_started","run":1,"group":1,"at":"2026-11-23T10:00:01.000Z","model":"local:smollm2-135m-instruct","protocol":"openai-chat","mode":"chat","variant":"formal","params":{"temperature":0},"prompt":{"system":"","instruction":"Be formal.","input":"hi","examples":[{"input":"yo","output":"Good day."}]}}
            {"type":"finished","run":1,"finish":"stop","raw_finish":"stop","ttft_ms":200,"total_ms":600}
            {"type":"run_started","run":2,"group":1,"at":"2026-11-23T10:00:01.000Z","model":"local:smollm2-135m-instruct","protocol":"openai-chat","mode":"chat","variant":"casual","params":{"temperature":0},"prompt":{"system":"","instruction":"Be casual.","input":"hi","examples":[{"input":"yo","output":"Good day."}]}}
            {"type":"finished","run":2,"finish":"stop","raw_finish":"stop","ttft_ms":200,"total_ms":600}

            """
        let file = folder.appendingPathComponent("s.jsonl")
        try jsonl.write(to: file, atomically: true, encoding: .utf8)
        let scan = try SessionStore(folder: folder).open(file)
        #expect(scan.runs.count == 2)

        var h = WorkbenchHarness()
        h.key("C-o")
        h.send(.sessionOpened(scan))
        h.key("w")
        guard case .textPrompt(let prompt) = h.state.overlay else { Issue.record("no name asked"); return }
        #expect(prompt.editor.text == "tone-check-run-2.refract.toml")
        let effects = h.key("Enter")
        let target = FileManager.default.currentDirectoryPath + "/tone-check-run-2.refract.toml"
        #expect(effects == [.exportRunsToPromptFile(scan.runs, session: file, to: URL(fileURLWithPath: target))])

        // The runner writes the file from the loaded runs and the workbench goes on there.
        let runs = try scan.runs.map { try SessionStore(folder: folder).loadRun($0, from: file) }
        let doc = PromptDocument(runs: runs)
        let url = folder.appendingPathComponent("tone.refract.toml")
        h.send(.promptFileCreated(url, DiskVersion(document: doc, text: PromptFileWriter.text(of: doc))))
        #expect(h.state.document.url == url)
        #expect(h.state.variants.map(\.name) == ["formal", "casual"])
        #expect(h.state.examples.items.map(\.output.text) == ["Good day."])
        h.advance(2)
        #expect(h.send(.tick).isEmpty, "what was just written is not unsaved")
    }
}

/// F7: what the model receives.
@Suite struct InspectionOverlayTests {
    @Test func aLocalModelAsksLlamaCppAndShowsTheTemplateAndTokens() throws {
        var h = WorkbenchHarness()
        h.key("M-2")
        h.type("Answer yes or no.")
        h.key("M-3")
        h.type("Is it open?")
        let effects = h.key("F7")
        let request = try #require(effects.compactMap { if case .inspectPrompt(let r, _) = $0 { r } else { nil } }.first)
        #expect(request.messages.last?.content == "Answer yes or no.\n\nIs it open?")
        guard case .inspection(let shown) = h.state.overlay else { Issue.record("no overlay"); return }
        #expect(shown.status?.contains("asking llama.cpp") == true)
        let inspection = PromptInspection(templated: "<|im_start|>user\nAnswer yes or no.", tokens: [PromptToken(id: 1, piece: "<|im_start|>"), PromptToken(id: 7, piece: " yes")])
        h.send(.promptInspected(inspection, error: nil))
        let screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("with the chat template (llama.cpp)"))
        #expect(screen.contains("1:⟦<|im_start|>⟧ 7:␣yes"))
        #expect(!screen.contains("asking llama.cpp"))
        h.key("Esc")
        #expect(h.state.overlay == nil)
    }

    @Test func aCloudModelShowsTheMessagesAndSaysTheTemplateIsTheProviders() {
        var h = WorkbenchHarness(width: 160, height: 40, model: "anthropic:claude-haiku-4-5")
        h.key("M-3")
        h.type("hi")
        #expect(!h.key("F7").contains { if case .inspectPrompt = $0 { true } else { false } })
        let screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("── user ──") && screen.contains("applies its own template"))
        // The exact request, the key's header naming where the key comes from, never a value.
        #expect(screen.contains("── the request: POST https://api.anthropic.com/v1/messages ──"), "\(screen)")
        #expect(screen.contains("x-api-key: ‹key from $ANTHROPIC_API_KEY›"))
        #expect(screen.contains(#"{"max_tokens":"#) && screen.contains(#""content":"hi""#))
    }
}

/// `p` in the response pane: the answer as tokens shaded by probability, with alternatives at a cursor.
@Suite struct ProbabilityViewTests {
    @Test func theViewShadesTokensMovesACursorAndListsAlternatives() throws {
        var h = WorkbenchHarness(width: 130, height: 30)
        h.key("M-3")
        h.type("Name a colour.")
        h.key("M-5")
        h.key("p")
        #expect(h.state.response.probabilities)
        #expect(h.state.parameters.logprobs == 5, "asked for from the next run on")
        #expect(h.state.notice?.text.contains("next runs ask for them") == true)
        let request = try #require(h.key("C-r").compactMap { if case .startRun(let r) = $0 { r } else { nil } }.first)
        #expect(request.request.parameters.logprobs == 5)
        let id = request.runID
        h.send(.part(runID: id, .textDelta("Blue")))
        h.send(.part(runID: id, .logprobs([TokenLogprob(token: "Blue", logprob: -0.05, top: [TokenAlternative(token: "Blue", logprob: -0.05), TokenAlternative(token: "Red", logprob: -3.2)])])))
        h.send(.part(runID: id, .textDelta(" sky")))
        h.send(.part(runID: id, .logprobs([TokenLogprob(token: " sky", logprob: -1.6, top: [TokenAlternative(token: " sky", logprob: -1.6), TokenAlternative(token: ".", logprob: -0.4)])])))
        h.send(.part(runID: id, .finish(FinishReason(.stop))))
        h.send(.runEnded(runID: id))
        #expect(h.state.response.probabilities, "the view stays on across runs")
        var screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("Blue sky"))
        #expect(screen.contains("token 1/2 “Blue” 95%"), "\(screen)")
        #expect(screen.contains("▸ “Blue”"))
        #expect(screen.contains("shading: ≥80% plain · 40–80% warning colour · <40% error colour, underlined"), "a legend that reads without colour")
        h.key("Right")
        screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("token 2/2 “ sky” 20%"))
        #expect(screen.contains("“.”") && screen.contains("67%"), "the alternative the model nearly took")
        #expect(screen.contains("least sure “ sky” 20%"))
        // Shading: the unlikely token is drawn in the error style, underlined.
        let buffer = h.render(theme: .standard)
        let row = try #require(buffer.lines.firstIndex { $0.contains("Blue sky") })
        let col = try #require(buffer.lines[row].range(of: "sky").map { buffer.lines[row].distance(from: buffer.lines[row].startIndex, to: $0.lowerBound) })
        #expect(buffer[col + 1, row].style.attributes.contains(.underline))
        h.key("p")
        #expect(!h.state.response.probabilities)
    }
}
