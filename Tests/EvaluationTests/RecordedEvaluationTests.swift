import Evaluation
import Foundation
import Providers
import Sessions
import Testing

/// A recorded evaluation read back as its matrix: rows by label (else by values), columns by variant × model,
/// samples numbered, results and cached marks from the events.
@Suite struct RecordedEvaluationTests {
    static let model = ModelRef("local:smollm2-135m-instruct")!

    static func run(_ n: Int, label: String?, variant: String, values: [String: String], result: String? = "pass", cached: Bool = false,
                    failed: Bool = false) -> RecordedRun {
        var r = RecordedRun(started: RunStarted(run: n, group: 1, at: Date(), prompt: Prompt(instruction: variant, input: "{{text}}", variables: values),
                                                model: model, label: label, variant: variant))
        r.text = "answer \(n)"
        r.outcome = failed ? .failed(RunFailed(run: n, error: .init(kind: .serverError, message: "HTTP 500"), ttftMs: nil, totalMs: 10))
            : .finished(RunFinished(run: n, finish: .stop, ttftMs: 5, totalMs: 10))
        if cached { r.warnings = ["cached: the answer of run 1 in old.jsonl"] }
        if let result { r.checks = [CheckResultEvent(run: n, index: 0, name: "contains", check: "contains", result: result, reason: "why")] }
        return r
    }

    @Test func rowsColumnsSamplesAndResults() throws {
        let runs = [
            Self.run(1, label: "a", variant: "x", values: ["text": "1"]),
            Self.run(2, label: "a", variant: "y", values: ["text": "1"], result: "fail"),
            Self.run(3, label: "a", variant: "x", values: ["text": "1"], cached: true),
            Self.run(4, label: "b", variant: "x", values: ["text": "2"], result: "error", failed: true),
        ]
        let recorded = try #require(RecordedEvaluation(runs: runs))
        #expect(recorded.plan.cases.map(\.name) == ["a", "b"])
        #expect(recorded.plan.columns.map(\.variant) == ["x", "y"])
        #expect(recorded.plan.cells.map(\.repeatIndex) == [1, 1, 2, 1])
        #expect(recorded.results.map(\.status) == [.pass, .fail, .pass, .error])
        #expect(recorded.results.map(\.cached) == [false, false, true, false])
        #expect(recorded.results[3].runError == "HTTP 500")
        #expect(recorded.results[1].checks.first?.reason == "why")
        let summary = EvalSummary(results: recorded.results, columns: recorded.plan.columns)
        #expect(summary.columns.map(\.passed) == [2, 0])
    }

    @Test func runsWithoutLabelsAreRowedByTheirValues() throws {
        let runs = [
            Self.run(1, label: nil, variant: "x", values: ["text": "1"]),
            Self.run(2, label: nil, variant: "x", values: ["text": "2"]),
            Self.run(3, label: nil, variant: "y", values: ["text": "1"]),
        ]
        let recorded = try #require(RecordedEvaluation(runs: runs))
        #expect(recorded.plan.cases.map(\.variables) == [["text": "1"], ["text": "2"]])
        #expect(recorded.plan.cells.map(\.caseIndex) == [0, 1, 0])
    }

    @Test func aComparisonIsNotAnEvaluation() {
        #expect(RecordedEvaluation(runs: [Self.run(1, label: nil, variant: "x", values: [:], result: nil)]) == nil)
        #expect(RecordedEvaluation(runs: []) == nil)
    }
}
