import Evaluation
import Foundation
import PromptFiles
import Providers
import Testing
@testable import Workbench

/// Importing cases from a CSV or JSONL file in the Cases pane (`i`), and setting the samples per cell (`n`)
/// without editing the file by hand: both change the prompt file, which autosave writes.
@Suite struct CasesImportAndRepeatTests {
    static let folder = EvaluationTests.file.deletingLastPathComponent()

    /// The workbench on the two-case test file, the Cases pane open and read.
    static func casesPane() throws -> WorkbenchHarness {
        var h = EvaluationTests.harness()
        h.state.document.base = try PromptFileReader(file: "t.refract.toml").read(EvaluationTests.spec).document
        h.key("F9")
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: folder).read(EvaluationTests.spec)
        h.send(.casesLoaded(spec.cases, error: nil))
        return h
    }

    static func readRequest(_ effects: [Effect]) -> (String, URL)? {
        effects.compactMap { if case .readCaseFile(let path, let folder) = $0 { (path, folder) } else { nil } }.last
    }

    @Test func iAsksForAPathAndReadsItBesideThePromptFile() throws {
        var h = try Self.casesPane()
        h.key("i")
        guard case .textPrompt(let prompt) = h.state.overlay, prompt.purpose == .importCases else {
            Issue.record("expected the path prompt, got \(String(describing: h.state.overlay))")
            return
        }
        #expect(prompt.editor.text.isEmpty)
        h.type("more.csv")
        let (path, folder) = try #require(Self.readRequest(h.key("Enter")))
        #expect(path == "more.csv" && folder == Self.folder)
        #expect(h.state.overlay == nil && h.state.cases != nil)
        // Esc leaves without reading anything.
        h.key("i")
        h.type("x.csv")
        #expect(Self.readRequest(h.key("Esc")) == nil)
        #expect(h.state.overlay == nil)
    }

    @Test func importedCasesAreAddedToTheFilesCasesAndSelected() throws {
        var h = try Self.casesPane()
        let fingerprint = h.state.contentFingerprint
        let imported = try CaseFileLoader.csv("name,text,expect.word\ngreeting,hey,hey\nthanks,thank you,welcome\n", "more.csv")
        let effects = h.send(.casesImported(imported, source: "more.csv", error: nil))
        let text = try #require(EvaluationTests.reloaded(effects))
        let cases = try EvaluationSpecReader(file: "t.refract.toml", folder: Self.folder).read(text).cases
        #expect(cases.map(\.name) == ["greeting", "farewell", "greeting 2", "thanks"])
        #expect(cases[3].variables == ["text": "thank you"] && cases[3].expect == ["word": "welcome"])
        #expect(h.state.cases?.list.selected == 2, "the first imported case")
        #expect(h.state.notice?.text == "imported 2 cases from more.csv into [[cases]]")
        #expect(h.state.contentFingerprint != fingerprint, "an unsaved change: autosave writes it")
    }

    @Test func aBadRowIsOneLineNamingTheRowAndTheColumnAndNothingChanges() throws {
        var h = try Self.casesPane()
        let before = h.state.document.base
        let error: EvaluationError
        do {
            _ = try CaseFileLoader.csv("name,text\none,hello\ntwo\n", "more.csv")
            Issue.record("the short row was read")
            return
        } catch let e { error = e }
        let effects = h.send(.casesImported([], source: "more.csv", error: error.description))
        #expect(effects.isEmpty)
        #expect(h.state.notice?.text == "not imported: more.csv:3: no value for column text")
        #expect(h.state.notice?.level == .error)
        #expect(h.state.document.base == before)
    }

    @Test func aVariableNoImportedCaseFillsIsNamed() throws {
        var h = try Self.casesPane()
        let imported = try CaseFileLoader.jsonl("{\"name\": \"q\", \"question\": \"why?\"}\n", "more.jsonl")
        h.send(.casesImported(imported, source: "more.jsonl", error: nil))
        #expect(h.state.notice?.text == "imported 1 case from more.jsonl; none has a value for {{text}}")
        #expect(h.state.notice?.level == .warning)
    }

    @Test func casesKeptInAnotherFileAreNotImportedInto() throws {
        var h = EvaluationTests.harness()
        h.state.document.base = try PromptFileReader(file: "t.refract.toml").read("format = 1\ncases = \"cases.csv\"\n").document
        h.key("F9")
        h.send(.casesLoaded([EvalCase(name: "one", variables: ["text": "x"])], error: nil))
        h.key("i")
        #expect(h.state.overlay == nil)
        #expect(h.state.notice?.text.contains("the cases live in cases.csv") == true)
    }

    @Test func aTypedPathIsThePromptFilesFoldersOrTheHomeFolders() {
        let folder = URL(fileURLWithPath: "/work/p")
        #expect(EffectRunner.caseFileURL("cases.csv", folder: folder).path == "/work/p/cases.csv")
        #expect(EffectRunner.caseFileURL("../data/c.jsonl", folder: folder).path == "/work/data/c.jsonl")
        #expect(EffectRunner.caseFileURL("/tmp/c.csv", folder: folder).path == "/tmp/c.csv")
        #expect(EffectRunner.caseFileURL("~/c.csv", folder: folder).path == (NSHomeDirectory() as NSString).appendingPathComponent("c.csv"))
    }

    @Test func nSetsTheSamplesPerCellInTheFileForTheNextEvaluation() throws {
        var h = try Self.casesPane()
        let fingerprint = h.state.contentFingerprint
        h.key("n")
        guard case .textPrompt(let prompt) = h.state.overlay, prompt.purpose == .repeats else {
            Issue.record("expected the samples prompt, got \(String(describing: h.state.overlay))")
            return
        }
        #expect(prompt.editor.text == "1")
        // The shown number is selected: typing replaces it.
        h.type("3")
        h.key("Enter")
        #expect(h.state.document.base.repeatCount == 3)
        #expect(h.state.contentFingerprint != fingerprint)
        #expect(h.state.notice?.text == "repeat = 3: the next evaluation (^E) samples every cell 3 times")
        // The next evaluation reads it from the file's text.
        h.key("Esc")
        let request = try #require(EvaluationTests.request(h.key("C-e")))
        #expect(request.text.contains("repeat = 3"), "\(request.text)")
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: Self.folder).read(request.text)
        #expect(spec.repeats == 3)
    }

    @Test func nInTheMatrixAsksTooAndABadNumberChangesNothing() throws {
        var h = EvaluationTests.harness()
        let request = try #require(EvaluationTests.request(h.key("C-e")))
        h.send(.evaluationPrepared(try EvaluationTests.prepared(request)))
        h.key("n")
        guard case .textPrompt(let prompt) = h.state.overlay, prompt.purpose == .repeats else {
            Issue.record("expected the samples prompt, got \(String(describing: h.state.overlay))")
            return
        }
        h.type("0")
        h.key("Enter")
        #expect(h.state.document.base.repeatCount == nil)
        #expect(h.state.notice?.text == "samples per cell: expected a whole number from 1 to 1000, not \"0\"")
        h.key("n")
        h.type("5")
        h.key("Enter")
        #expect(h.state.document.base.repeatCount == 5)
        // Back to 1: the key stays, now saying 1.
        h.key("n")
        #expect({ if case .textPrompt(let p) = h.state.overlay { p.editor.text == "5" } else { false } }())
        h.type("1")
        h.key("Enter")
        #expect(h.state.document.base.repeatCount == 1)
    }

    @Test func withoutAPromptFileNSaysWhereRepeatsLive() {
        var h = WorkbenchHarness(width: 100, height: 16)
        h.state.evaluation = nil
        _ = h.reducer.askRepeats(&h.state)
        #expect(h.state.overlay == nil)
        #expect(h.state.notice?.text.contains("prompt file") == true)
    }
}
