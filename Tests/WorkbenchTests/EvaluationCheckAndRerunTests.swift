import Evaluation
import Foundation
import Providers
import Testing
@testable import Workbench

/// The matrix narrowed to one check (`c`), and re-running a whole row (`e`) or column (`E`).
@Suite struct EvaluationCheckAndRerunTests {
    /// Two file checks and one of farewell's own (so it does not grade greeting's cells).
    static let spec = """
        [[cases]]
        name = "greeting"
        vars = { text = "hello" }
        expect = { word = "hi" }

        [[cases]]
        name = "farewell"
        vars = { text = "goodbye" }
        expect = { word = "bye" }
        [[cases.checks]]
        name = "polite"
        type = "contains"
        value = "please"

        [[checks]]
        type = "contains"
        value = "{{expect.word}}"

        [[checks]]
        name = "short"
        type = "length"
        max = 20
        """

    static let contains = "contains '{{expect.word}}'"

    static func results(_ pairs: [(String, CheckResult.Status)]) -> [CheckResult] {
        pairs.map { CheckResult(name: $0.0, type: $0.0 == "short" ? "length" : "contains", status: $0.1, reason: $0.1.rawValue) }
    }

    /// A started evaluation of the two cases on "short" and "long" (cells: greeting·short, greeting·long,
    /// farewell·short, farewell·long), every cell answered and graded as given.
    static func evaluated(_ grades: [[CheckResult]]? = nil) throws -> (WorkbenchHarness, GroupRequest) {
        var h = EvaluationTests.harness()
        let request = try #require(EvaluationTests.request(h.key("C-e")))
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: EvaluationTests.file.deletingLastPathComponent()).read(Self.spec)
        let plan = try EvalPlan.make(prompts: request.variants.map { ($0.name, $0.prompt) }, models: request.models, parameters: request.parameters,
                                     mode: { _ in request.mode }, spec: spec)
        let group = try #require(EvaluationTests.group(h.send(.evaluationPrepared(PreparedEvaluation(plan: plan)))))
        let grades = grades ?? [
            results([(contains, .pass), ("short", .pass)]),
            results([(contains, .pass), ("short", .fail)]),
            results([(contains, .fail), ("short", .pass), ("polite", .pass)]),
            results([(contains, .pass), ("short", .fail), ("polite", .error)]),
        ]
        for (run, checks) in zip(group.runs, grades) {
            _ = EvaluationTests.answer(&h, run.runID, "an answer")
            h.send(.cellGraded(runID: run.runID, checks))
        }
        return (h, group)
    }

    static func starts(_ effects: [Effect]) -> [RunRequest] {
        effects.compactMap { if case .startRun(let r) = $0 { r } else { nil } }
    }

    @Test func cCyclesThroughTheChecksByNameThenEveryCheckAgain() throws {
        var (h, _) = try Self.evaluated()
        #expect(h.state.evaluation?.checkNames == [Self.contains, "short", "polite"])
        h.key("c")
        #expect(h.state.evaluation?.check == Self.contains)
        #expect(h.state.notice?.text == "check 1 of 3: \(Self.contains) · 1 case fails it (f: only those)")
        h.key("c")
        #expect(h.state.evaluation?.check == "short")
        #expect(h.state.notice?.text == "check 2 of 3: short · 2 cases fail it (f: only those)")
        h.key("c")
        #expect(h.state.evaluation?.check == "polite")
        h.key("c")
        #expect(h.state.evaluation?.check == nil)
        #expect(h.state.notice?.text == "every check again")
    }

    @Test func theChosenCheckDecidesTheCellsTheFiltersAndTheSort() throws {
        var (h, _) = try Self.evaluated()
        // Every check: every cell has a failure or an error except greeting·short.
        h.key("f")
        #expect(h.state.evaluation?.shownRows == [0, 1])
        // contains fails only in farewell·short: f (still on failures) keeps farewell alone.
        h.key("c")
        let e1 = try #require(h.state.evaluation)
        #expect(e1.shownRows == [1])
        #expect((0..<4).map { e1.shownStatus(ofCell: $0) } == [.pass, .pass, .fail, .pass])
        // The overall outcome is unchanged underneath (R re-runs by it, progress counts it).
        #expect((0..<4).map { e1.status(ofCell: $0) } == [.pass, .fail, .fail, .fail])
        // short fails in the long column for both cases; disagreeing rows: both (short passes, long fails).
        h.key("c")
        #expect(h.state.evaluation?.shownRows == [0, 1])
        h.key("f")
        #expect(h.state.evaluation?.filter == .disagreements)
        #expect(h.state.evaluation?.shownRows == [0, 1])
        // polite grades farewell only: greeting's cells do not count, so greeting never shows under a filter.
        h.key("c")
        let e3 = try #require(h.state.evaluation)
        #expect(!e3.checkApplies(toCell: 0) && !e3.checkApplies(toCell: 1) && e3.checkApplies(toCell: 2))
        #expect(e3.shownStatus(ofCell: 0) == nil && e3.shownStatus(ofCell: 3) == .error)
        #expect(e3.shownRows == [1], "farewell: polite passes in one column and errs in the other")
        h.key("f")
        #expect(h.state.evaluation?.shownRows == [0, 1], "all rows again")
        // The sort reads the check too: under contains, farewell (1 of 2) comes before greeting (2 of 2).
        h.key("c")
        h.key("s")
        #expect(h.state.evaluation?.check == nil)
        #expect(h.state.evaluation?.shownRows == [1, 0], "every check: farewell passes none, greeting one")
        h.key("c")
        #expect(h.state.evaluation?.shownRows == [1, 0])
        #expect(h.state.evaluation?.passRate(ofRow: 0) == 1 && h.state.evaluation?.passRate(ofRow: 1) == 0.5)
    }

    @Test func aCellNotYetGradedFollowsThePlanForWhetherTheCheckApplies() throws {
        var h = EvaluationTests.harness()
        let request = try #require(EvaluationTests.request(h.key("C-e")))
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: EvaluationTests.file.deletingLastPathComponent()).read(Self.spec)
        let plan = try EvalPlan.make(prompts: request.variants.map { ($0.name, $0.prompt) }, models: request.models, parameters: request.parameters,
                                     mode: { _ in request.mode }, spec: spec)
        h.send(.evaluationPrepared(PreparedEvaluation(plan: plan)))
        h.key("c")
        h.key("c")
        h.key("c")
        let e = try #require(h.state.evaluation)
        #expect(e.check == "polite")
        #expect((0..<4).map { e.checkApplies(toCell: $0) } == [false, false, true, true])
        #expect(e.shownRows == [0, 1] && e.shownStatus(ofCell: 2) == nil)
    }

    @Test func withoutChecksCSaysSoAndChangesNothing() throws {
        var (h, _) = try Self.evaluated([[], [], [], []])
        // The plan has checks; a recorded evaluation without any is the case here: empty results, empty plan checks.
        var evaluation = try #require(h.state.evaluation)
        evaluation.plan.cells = evaluation.plan.cells.map { var c = $0; c.checks = []; return c }
        h.state.evaluation = evaluation
        h.key("c")
        #expect(h.state.evaluation?.check == nil)
        #expect(h.state.notice?.text.contains("no checks") == true)
    }

    @Test func eReRunsTheRowAndCapitalETheColumnSkippingCellsStillRunning() throws {
        var (h, group) = try Self.evaluated()
        h.key("Down")
        let row = Self.starts(h.key("e"))
        #expect(row.map(\.label) == ["farewell", "farewell"])
        #expect(row.map(\.variant) == ["short", "long"])
        #expect(row.allSatisfy { $0.groupID == group.groupID })
        #expect(h.state.notice?.text == "re-running 2 cells of case \"farewell\"")
        #expect(h.state.evaluation?.cells[2].runID == row[0].runID && h.state.evaluation?.cells[2].checks == nil)
        // The short column: greeting·short starts again; farewell·short is still running, so it is left alone.
        let column = Self.starts(h.key("E"))
        #expect(column.map(\.label) == ["greeting"])
        #expect(column.map(\.variant) == ["short"])
        #expect(h.state.notice?.text == "re-running 1 cell of column short")
        #expect(h.state.evaluation?.progress.done == 1, "only greeting·long keeps its grade")
        // Once they end, a whole column re-runs (from the open cell too).
        for run in row + column {
            _ = EvaluationTests.answer(&h, run.runID, "again")
            h.send(.cellGraded(runID: run.runID, Self.results([(Self.contains, .pass)])))
        }
        h.key("Right")
        h.key("Enter")
        let long = Self.starts(h.key("E"))
        #expect(long.map(\.label) == ["greeting", "farewell"])
        #expect(long.map(\.variant) == ["long", "long"])
    }

    @Test func aReplayedEvaluationIsNotReRunByRowOrColumn() throws {
        var (h, _) = try Self.evaluated()
        h.state.evaluation?.isReplay = true
        #expect(Self.starts(h.key("e")).isEmpty)
        #expect(Self.starts(h.key("E")).isEmpty)
        #expect(h.state.notice?.text.contains("replay") == true)
    }
}
