import Evaluation
import Foundation
import PromptFiles
import Providers
import Sessions
import TerminalUI
import Testing
@testable import Workbench

/// The evaluation in the workbench, driven through the reducer: the evaluate key, the plan coming back,
/// cells as runs of one group, grading, filters, re-runs, stopping, the budget, and replay as a matrix.
@Suite struct EvaluationTests {
    static let file = URL(fileURLWithPath: "/tmp/refract-eval-tests/t.refract.toml")

    /// Two cases, one check: the answer must contain the case's expected word.
    static let spec = """
        [[cases]]
        name = "greeting"
        vars = { text = "hello" }
        expect = { word = "hi" }

        [[cases]]
        name = "farewell"
        vars = { text = "goodbye" }
        expect = { word = "bye" }

        [[checks]]
        type = "contains"
        value = "{{expect.word}}"
        """

    /// A workbench on a prompt file with two instruction variants ("short", "long") and `{{text}}` as input.
    static func harness(model: String = "local:smollm2-135m-instruct", budget: Double? = nil) -> WorkbenchHarness {
        var h = WorkbenchHarness(width: 100, height: 16, model: model, budget: budget)
        h.state.document.url = file
        h.key("M-3")
        h.type("{{text}}")
        h.key("M-2")
        h.type("Reply briefly.")
        h.state.variants[0].name = "short"
        h.key("M-n")
        h.type("Reply at length.")
        h.state.variants[1].name = "long"
        return h
    }

    /// What the effect runner would answer for the request: the plan over the spec, some cells cached.
    static func prepared(_ request: EvaluationRequest, cached: [Int: PreparedEvaluation.CachedAnswer] = [:]) throws -> PreparedEvaluation {
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: file.deletingLastPathComponent()).read(Self.spec)
        let plan = try EvalPlan.make(
            prompts: request.variants.map { ($0.name, $0.prompt) }, models: request.models, parameters: request.parameters, mode: { _ in request.mode },
            spec: spec, caseNames: request.caseNames
        )
        return PreparedEvaluation(plan: plan, cached: cached)
    }

    static func request(_ effects: [Effect]) -> EvaluationRequest? {
        effects.compactMap { if case .prepareEvaluation(let r) = $0 { r } else { nil } }.last
    }

    static func group(_ effects: [Effect]) -> GroupRequest? {
        effects.compactMap { if case .startGroup(let g) = $0 { g } else { nil } }.last
    }

    /// Streams `text` into a run and ends it; returns the grading the reducer asks for.
    static func answer(_ h: inout WorkbenchHarness, _ runID: String, _ text: String) -> GradeRequest? {
        h.advance(0.1)
        h.send(.part(runID: runID, .textDelta(text)))
        h.send(.part(runID: runID, .finish(FinishReason(.stop))))
        return h.send(.runEnded(runID: runID)).compactMap { if case .gradeCell(let g) = $0 { g } else { nil } }.first
    }

    static func pass(_ passed: Bool) -> [CheckResult] {
        [CheckResult(name: "contains", type: "contains", status: passed ? .pass : .fail, reason: passed ? "found" : "expected to contain it: not found")]
    }

    @Test func theEvaluateKeyAsksForThePlanWithEveryVariantAndTheFileText() throws {
        var h = Self.harness()
        let request = try #require(Self.request(h.key("C-e")))
        #expect(request.file == Self.file)
        #expect(request.variants.map(\.name) == ["short", "long"])
        #expect(request.variants.map(\.prompt.instruction) == ["Reply briefly.", "Reply at length."])
        #expect(request.models == [ModelRef("local:smollm2-135m-instruct")!])
        #expect(request.useCache)
        #expect(request.text.contains("name = \"long\""))
        // A second press while the cases are read starts nothing more.
        #expect(Self.request(h.key("C-e").map { $0 }) == nil)
        h.send(.evaluationFailed("no cases"))
        #expect(Self.request(h.key("C-e")) != nil)
    }

    @Test func withoutAPromptFileItSaysWhereCasesLive() {
        var h = WorkbenchHarness(width: 100, height: 16)
        #expect(h.key("C-e").isEmpty)
        #expect(h.state.notice?.text.contains("[[cases]]") == true)
    }

    @Test func thePlanStartsEveryCellAsARunOfOneEvaluationGroup() throws {
        var h = Self.harness()
        let request = try #require(Self.request(h.key("C-e")))
        let cached = PreparedEvaluation.CachedAnswer(parts: [.warning("cached: the answer of run 3 in old.jsonl"), .textDelta("bye now"), .finish(FinishReason(.stop))],
                                                     text: "bye now", costUSD: 0, ttftMs: 40, latencyMs: 90)
        let group = try #require(Self.group(h.send(.evaluationPrepared(try Self.prepared(request, cached: [1: cached])))))
        #expect(group.kind == .evaluation)
        #expect(group.cases == ["greeting", "farewell"])
        #expect(group.instructions == ["short", "long"])
        // Case-major: greeting·short, greeting·long, farewell·short, farewell·long; the case name labels each run.
        #expect(group.runs.map(\.label) == ["greeting", "greeting", "farewell", "farewell"])
        #expect(group.runs.map(\.variant) == ["short", "long", "short", "long"])
        #expect(group.runs.map { $0.canned != nil } == [false, true, false, false])
        #expect(group.runs[0].prompt.variables["text"] == "hello")
        let evaluation = try #require(h.state.evaluation)
        #expect(evaluation.visible && evaluation.cells.map(\.runID) == group.runs.map(\.runID))
        #expect(evaluation.cells[1].cached == .init(costUSD: 0, ttftMs: 40, latencyMs: 90))
        #expect(evaluation.progress == (0, 4))
    }

    @Test func aFinishedCellIsGradedWithItsAnswerAndCaseValues() throws {
        var h = Self.harness()
        let request = try #require(Self.request(h.key("C-e")))
        let group = try #require(Self.group(h.send(.evaluationPrepared(try Self.prepared(request)))))
        let grade = try #require(Self.answer(&h, group.runs[0].runID, "hi there"))
        #expect(grade.context.answer == "hi there")
        #expect(grade.context.caseName == "greeting")
        #expect(grade.context.values["expect.word"] == "hi")
        #expect(grade.checks.map(\.type) == ["contains"])
        #expect(grade.runError == nil)
        #expect(h.state.evaluation?.progress.done == 0)
        h.send(.cellGraded(runID: group.runs[0].runID, Self.pass(true)))
        #expect(h.state.evaluation?.status(ofCell: 0) == .pass)
        #expect(h.state.evaluation?.progress.done == 1)
    }

    @Test func aFailedRunIsGradedAsErrorsNotGuesses() throws {
        var h = Self.harness()
        let request = try #require(Self.request(h.key("C-e")))
        let group = try #require(Self.group(h.send(.evaluationPrepared(try Self.prepared(request)))))
        let id = group.runs[2].runID
        h.send(.part(runID: id, .error(ProviderError(kind: .serverError, message: "HTTP 500"))))
        let grade = try #require(h.send(.runEnded(runID: id)).compactMap { if case .gradeCell(let g) = $0 { g } else { nil } }.first)
        #expect(grade.runError?.contains("HTTP 500") == true)
    }

    @Test func filtersShowFailingThenDisagreeingRowsAndSortPutsTheWorstFirst() throws {
        var h = Self.harness()
        let request = try #require(Self.request(h.key("C-e")))
        let group = try #require(Self.group(h.send(.evaluationPrepared(try Self.prepared(request)))))
        // greeting: short passes, long fails (the columns disagree); farewell: both fail.
        for (i, passed) in [(0, true), (1, false), (2, false), (3, false)] {
            _ = Self.answer(&h, group.runs[i].runID, passed ? "hi" : "no")
            h.send(.cellGraded(runID: group.runs[i].runID, Self.pass(passed)))
        }
        #expect(h.state.evaluation?.shownRows == [0, 1])
        h.key("f")
        #expect(h.state.evaluation?.filter == .failures)
        #expect(h.state.evaluation?.shownRows == [0, 1])
        h.key("f")
        #expect(h.state.evaluation?.filter == .disagreements)
        #expect(h.state.evaluation?.shownRows == [0])
        h.key("f")
        h.key("s")
        #expect(h.state.evaluation?.shownRows == [1, 0])
    }

    @Test func enterOpensTheCellAndDCyclesTheDiffColumn() throws {
        var h = Self.harness()
        let request = try #require(Self.request(h.key("C-e")))
        _ = try #require(Self.group(h.send(.evaluationPrepared(try Self.prepared(request)))))
        h.key("Down")
        h.key("Enter")
        #expect(h.state.evaluation?.detail == EvaluationState.Detail(row: 1, column: 0))
        h.key("d")
        #expect(h.state.evaluation?.detail?.diffColumn == 1)
        h.key("d")
        #expect(h.state.evaluation?.detail?.diffColumn == nil)
        h.key("Right")
        #expect(h.state.evaluation?.detail?.column == 1)
        h.key("Esc")
        #expect(h.state.evaluation?.detail == nil)
        #expect(h.state.evaluation?.visible == true)
    }

    @Test func escStopsTheUnfinishedCellsAndKeepsTheFinishedOnes() throws {
        var h = Self.harness()
        let request = try #require(Self.request(h.key("C-e")))
        let group = try #require(Self.group(h.send(.evaluationPrepared(try Self.prepared(request)))))
        _ = Self.answer(&h, group.runs[0].runID, "hi")
        h.send(.cellGraded(runID: group.runs[0].runID, Self.pass(true)))
        let effects = h.key("Esc")
        let cancelled = effects.compactMap { if case .cancelRun(let id) = $0 { id } else { nil } }
        #expect(cancelled == group.runs.dropFirst().map(\.runID))
        #expect(h.state.evaluation?.stopped == true)
        #expect(h.state.evaluation?.status(ofCell: 0) == .pass)
        // The stopped cells end; their grades say so.
        let grade = try #require(h.send(.runEnded(runID: group.runs[1].runID)).compactMap { if case .gradeCell(let g) = $0 { g } else { nil } }.first)
        #expect(grade.runError == "stopped before it finished")
        // A second Esc (nothing running) goes back to the editor; the matrix stays for M-m.
        h.key("Esc")
        #expect(h.state.evaluation?.visible == false)
        h.key("M-m")
        #expect(h.state.evaluation?.visible == true)
    }

    @Test func hiddenWhileItRunsItsProgressStaysOnTheStatusBar() throws {
        var h = Self.harness()
        let request = try #require(Self.request(h.key("C-e")))
        let group = try #require(Self.group(h.send(.evaluationPrepared(try Self.prepared(request)))))
        _ = Self.answer(&h, group.runs[0].runID, "hi")
        h.send(.cellGraded(runID: group.runs[0].runID, Self.pass(true)))
        h.key("M-m")
        #expect(h.state.evaluation?.visible == false)
        h.advance(10)
        h.send(.tick)
        let status = h.render().lines.last ?? ""
        #expect(status.contains(" eval 1/4 "), "\(status)")
        h.key("M-m")
        #expect(h.state.evaluation?.visible == true)
    }

    @Test func reRunningFailuresStartsOnlyThoseCellsInTheSameGroup() throws {
        var h = Self.harness()
        let request = try #require(Self.request(h.key("C-e")))
        let group = try #require(Self.group(h.send(.evaluationPrepared(try Self.prepared(request)))))
        for (i, passed) in [(0, true), (1, false), (2, true), (3, true)] {
            _ = Self.answer(&h, group.runs[i].runID, passed ? "hi" : "no")
            h.send(.cellGraded(runID: group.runs[i].runID, Self.pass(passed)))
        }
        let starts = h.key("R").compactMap { if case .startRun(let r) = $0 { r } else { nil } }
        #expect(starts.count == 1)
        #expect(starts.first?.variant == "long" && starts.first?.label == "greeting" && starts.first?.groupID == group.groupID)
        #expect(h.state.evaluation?.cells[1].runID == starts.first?.runID)
        #expect(h.state.evaluation?.cells[1].checks == nil)
        #expect(h.state.evaluation?.progress.done == 3 && h.state.evaluation?.progress.total == 4)
    }

    @Test func rReRunsTheCellUnderTheCursor() throws {
        var h = Self.harness()
        let request = try #require(Self.request(h.key("C-e")))
        let group = try #require(Self.group(h.send(.evaluationPrepared(try Self.prepared(request)))))
        for run in group.runs { _ = Self.answer(&h, run.runID, "hi"); h.send(.cellGraded(runID: run.runID, Self.pass(true))) }
        h.key("Down")
        h.key("Right")
        let starts = h.key("r").compactMap { if case .startRun(let r) = $0 { r } else { nil } }
        #expect(starts.map(\.label) == ["farewell"])
        #expect(starts.map(\.variant) == ["long"])
    }

    @Test func overTheBudgetItAsksFirst() throws {
        var h = Self.harness(model: "anthropic:claude-haiku-4-5", budget: 0.000001)
        let request = try #require(Self.request(h.key("C-e")))
        #expect(Self.group(h.send(.evaluationPrepared(try Self.prepared(request)))) == nil)
        guard case .confirm(let confirm) = h.state.overlay, case .runEvaluation = confirm.purpose else {
            Issue.record("expected the budget question, got \(String(describing: h.state.overlay))")
            return
        }
        #expect(confirm.message.contains("budget"))
        let group = try #require(Self.group(h.key("y")))
        #expect(group.runs.count == 4)
    }

    @Test func aFailedPreparationIsShownAndStartsNothing() {
        var h = Self.harness()
        h.send(.evaluationFailed("t.refract.toml:3:1: case \"x\" has no value for {{text}}"))
        #expect(h.state.evaluation == nil)
        #expect(h.state.notice?.level == .error)
    }

    @Test func aRecordedEvaluationReplaysAsItsMatrix() throws {
        var h = Self.harness()
        func run(_ n: Int, case name: String, variant: String, text: String, result: String) -> RecordedRun {
            var r = RecordedRun(started: RunStarted(run: n, group: 1, at: Date(), prompt: Prompt(instruction: variant, input: name, variables: ["text": name]),
                                                    model: ModelRef("local:smollm2-135m-instruct")!, label: name, variant: variant))
            r.text = text
            r.timeline = [TimedPart(ms: 10, part: .textDelta(text)), TimedPart(ms: 20, part: .finish(FinishReason(.stop)))]
            r.outcome = .finished(RunFinished(run: n, finish: .stop, ttftMs: 10, totalMs: 20))
            r.checks = [CheckResultEvent(run: n, index: 0, name: "contains", check: "contains", result: result, reason: result == "pass" ? "found" : "not found")]
            return r
        }
        let runs = [run(1, case: "a", variant: "short", text: "hi", result: "pass"), run(2, case: "a", variant: "long", text: "no", result: "fail"),
                    run(3, case: "b", variant: "short", text: "hi", result: "pass")]
        h.send(.savedGroupLoaded(runs, group: 1))
        let evaluation = try #require(h.state.evaluation)
        #expect(evaluation.isReplay)
        #expect(evaluation.plan.cases.map(\.name) == ["a", "b"])
        #expect(evaluation.plan.columns.map(\.variant) == ["short", "long"])
        #expect(evaluation.cellIndices(case: 1, column: 1).isEmpty)
        #expect(evaluation.progress == (0, 3))
        // The recorded timing plays out; each cell's recorded result appears when its answer ends.
        h.advance(1)
        h.send(.tick)
        #expect(h.state.evaluation?.progress.done == 3 && h.state.evaluation?.progress.total == 3)
        #expect(h.state.evaluation?.status(ofCell: 1) == .fail)
        #expect(h.state.comparison == nil)
        // Nothing is graded or run again.
        #expect(!h.effects.contains { if case .gradeCell = $0 { true } else { false } })
        // The replay keys work on the matrix: i shows the rest at once.
        h.send(.savedGroupLoaded(runs, group: 1))
        #expect(h.state.evaluation?.progress.done == 0)
        h.key("i")
        #expect(h.state.evaluation?.progress.done == 3)
    }

    @Test func aComparisonWithoutCheckResultsStillReplaysAsColumns() {
        var h = Self.harness()
        var r = RecordedRun(started: RunStarted(run: 1, group: 1, at: Date(), prompt: Prompt(instruction: "x"), model: ModelRef("local:smollm2-135m-instruct")!))
        r.timeline = [TimedPart(ms: 5, part: .textDelta("hi"))]
        h.send(.savedGroupLoaded([r, r], group: 1))
        #expect(h.state.evaluation == nil)
        #expect(h.state.comparison?.columns.count == 2)
    }

    @Test func theCasesPaneRunsTheSelectedCaseAlone() throws {
        var h = Self.harness()
        let effects = h.key("F9")
        #expect(effects.contains { if case .loadCases(_, let file) = $0 { file == Self.file } else { false } })
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: Self.file.deletingLastPathComponent()).read(Self.spec)
        h.send(.casesLoaded(spec.cases, error: nil))
        h.key("Down")
        let run = try #require(h.key("r").compactMap { if case .startRun(let r) = $0 { r } else { nil } }.first)
        #expect(run.prompt.variables["text"] == "goodbye")
        #expect(h.state.cases == nil)
        // e evaluates one case on every column.
        h.key("F9")
        h.send(.casesLoaded(spec.cases, error: nil))
        let request = try #require(Self.request(h.key("e")))
        #expect(request.caseNames == ["greeting"])
    }

    /// The text the Cases pane asks to be read back after an edit (the file as it would be saved).
    static func reloaded(_ effects: [Effect]) -> String? {
        effects.compactMap { if case .loadCases(let text, _) = $0 { text } else { nil } }.last
    }

    @Test func theCasesPaneEditsAddsDuplicatesAndDeletesCasesInTheFile() throws {
        var h = Self.harness()
        h.state.document.base = try PromptFileReader(file: "t.refract.toml").read(Self.spec).document
        let fingerprint = h.state.contentFingerprint
        // What the effect runner does with a reload: read the cases from the text.
        func reload(_ text: String) throws {
            let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: Self.file.deletingLastPathComponent()).read(text)
            h.send(.casesLoaded(spec.cases, error: nil))
        }
        h.key("F9")
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: Self.file.deletingLastPathComponent()).read(Self.spec)
        h.send(.casesLoaded(spec.cases, error: nil))
        #expect(h.state.cases?.columns == [.name, .variable("text"), .expect("word")])
        // Enter edits the value under the cursor; Enter again writes it into the file's case.
        h.key("Right")
        h.key("Enter")
        #expect(h.state.cases?.editing?.text == "hello")
        h.type(" there")
        let edited = try #require(Self.reloaded(h.key("Enter")))
        #expect(edited.contains("text = 'hello there'"), "\(edited)")
        #expect(h.state.cases?.editing == nil)
        #expect(h.state.contentFingerprint != fingerprint, "the edit is an unsaved change: autosave writes it")
        // Esc while editing leaves the value as it was.
        h.key("Enter")
        h.type("zzz")
        #expect(Self.reloaded(h.key("Esc")) == nil)
        #expect(h.state.cases != nil)
        // a adds a case after the selected one, c duplicates, x deletes after asking.
        let added = try #require(Self.reloaded(h.key("a")))
        #expect(added.contains("name = 'case 3'"))
        #expect(h.state.cases?.list.selected == 1)
        try reload(added)
        let duplicated = try #require(Self.reloaded(h.key("c")))
        #expect(duplicated.contains("name = 'case 3 copy'"))
        try reload(duplicated)
        #expect(h.state.cases?.cases.map(\.name) == ["greeting", "case 3", "case 3 copy", "farewell"])
        h.key("x")
        guard case .confirm(let confirm) = h.state.overlay, case .deleteCase(2) = confirm.purpose else {
            Issue.record("expected a question before deleting, got \(String(describing: h.state.overlay))")
            return
        }
        let deleted = try #require(Self.reloaded(h.key("y")))
        #expect(!deleted.contains("case 3 copy") && deleted.contains("case 3") && deleted.contains("farewell"))
    }

    @Test func casesFromAnotherFileAreShownButNotEditedHere() throws {
        var h = Self.harness()
        h.state.document.base = try PromptFileReader(file: "t.refract.toml").read("format = 1\ncases = \"cases.csv\"\n").document
        h.key("F9")
        h.send(.casesLoaded([EvalCase(name: "one", variables: ["text": "x"])], error: nil))
        h.key("Enter")
        #expect(h.state.cases?.editing == nil)
        #expect(h.state.notice?.text.contains("cases.csv") == true)
    }
}
