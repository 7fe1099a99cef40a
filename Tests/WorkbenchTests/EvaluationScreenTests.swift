import Evaluation
import Foundation
import Providers
import RefractTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// The evaluation matrix and an opened cell, rendered into a fixed-size buffer.
@Suite struct EvaluationScreenTests {
    /// Two cases × two variants: greeting passes on "short" and fails on "long", farewell·short erred,
    /// farewell·long still streams.
    static func scenario() throws -> WorkbenchHarness {
        var h = EvaluationTests.harness()
        let request = try #require(EvaluationTests.request(h.key("C-e")))
        let group = try #require(EvaluationTests.group(h.send(.evaluationPrepared(try EvaluationTests.prepared(request)))))
        _ = EvaluationTests.answer(&h, group.runs[0].runID, "hi there, friend")
        h.send(.cellGraded(runID: group.runs[0].runID, EvaluationTests.pass(true)))
        _ = EvaluationTests.answer(&h, group.runs[1].runID, "Hello!\nHow are you\u{1B}[31m today?")
        h.send(.cellGraded(runID: group.runs[1].runID, EvaluationTests.pass(false)))
        _ = EvaluationTests.answer(&h, group.runs[2].runID, "so long")
        h.send(.cellGraded(runID: group.runs[2].runID, [CheckResult(name: "contains", type: "contains", status: .error, reason: "bad pattern")]))
        h.advance(0.3)
        h.send(.part(runID: group.runs[3].runID, .textDelta("Farewell, and")))
        h.send(.tick)
        return h
    }

    @Test func theMatrixShowsMarksAnswersAndColumnFigures() throws {
        let h = try Self.scenario()
        expectScreen(h.render(), [
            " ⠧ Evaluation · 2 cases × 2 columns · 3/4 cells · $0.00 · ~0.20 s left",
            " case      short                                       long",
            "           50% (1/2) · 0.20 s · $0.00                  0% (0/1) · 0.20 s · $0.00",
            "────────────────────────────────────────────────────────────────────────────────────────────────────",
            " greeting │✓ hi there, friend                          ✗ Hello! How are you␛[31m today?",
            " farewell │! so long                                   ⠧ Farewell, and",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " Enter open  f filter  c check  s sort  r re-run cell  e row  E column  R failures  Esc stop",
            " INSTRUCTION  local:smollm2-135m-instruct  evaluating 4 cells (0 cached, up to $0.00) — Esc stops",
        ])
    }

    @Test func anOpenedCellListsEveryCheckAndTheAnswer() throws {
        var h = try Self.scenario()
        h.key("Right")
        h.key("Enter")
        let lines = h.render().lines
        expectScreen(h.render(), Array(lines.prefix(1)) + [
            "╭ greeting · long · local:smollm2-135m-instruct ──────────────────────────────────── column 2 of 2 ╮",
            "│✗ fail · 0.20 s · $0.00 · 8 tokens                                                                │",
            "│checks:                                                                                           │",
            "│  ✗ contains: expected to contain it: not found                                                   │",
            "│                                                                                                  │",
            "│answer:                                                                                           │",
            "│Hello!                                                                                            │",
            "│How are you␛[31m today?                                                                           │",
        ] + Array(lines.dropFirst(9)))
        // d: a word diff against the same case in the other column.
        h.key("d")
        let diff = h.render().lines.joined(separator: "\n")
        #expect(diff.contains("word diff from short"))
        #expect(diff.contains("[-hi there, friend-]") || diff.contains("[-hi"), "\(diff)")
    }

    @Test func filteringToFailuresLeavesTheFailingRows() throws {
        var h = try Self.scenario()
        h.key("f")
        let text = h.render().lines
        #expect(text[0].contains("filter: failures"))
        #expect(text.contains { $0.hasPrefix(" greeting") } && text.contains { $0.hasPrefix(" farewell") })
        h.key("f")
        // Disagreeing: greeting passes in one column and fails in the other; farewell has no pass yet.
        let disagreeing = h.render().lines
        #expect(disagreeing.contains { $0.hasPrefix(" greeting") })
        #expect(!disagreeing.contains { $0.hasPrefix(" farewell") })
    }

    @Test func theCasesTableShowsValuesAndTheValueBeingEdited() throws {
        var h = EvaluationTests.harness()
        h.key("F9")
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: EvaluationTests.file.deletingLastPathComponent()).read(EvaluationTests.spec)
        h.send(.casesLoaded(spec.cases, error: nil))
        h.key("Down")
        h.key("Right")
        h.key("Enter")
        h.type(" now")
        let screen = h.render()
        expectScreen(screen, [
            "╭ Cases · t.refract.toml · 2 cases ────────────────────────────────────────────────────────────────╮",
            "│name      text                                        expect.word                                 │",
            "│greeting  hello                                       hi                                          │",
            "│farewell  goodbye now                                 bye                                         │",
        ] + Array(repeating: "│                                                                                                  │", count: 9) + [
            "│Enter save · Esc cancel                                                                           │",
            "╰──────────────────────────────────────────────────────────────────────────────────────────────────╯",
            " INSTRUCTION  local:smollm2-135m-instruct  new variant \"instruction 2\" (F2 renames it)",
        ], cursor: (22, 3))
        h.key("Esc")
        #expect(h.render().lines[13] == "│Enter edit · a add · c copy · x delete · r run · e evaluate · i import · n samples · Esc back     │")
    }

    @Test func repeatsShowPassesOverSamplesAndHowOftenTheyAgree() throws {
        var h = EvaluationTests.harness()
        let request = try #require(EvaluationTests.request(h.key("C-e")))
        var prepared = try EvaluationTests.prepared(request)
        // Two samples per cell, as `repeat = 2` plans them.
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: EvaluationTests.file.deletingLastPathComponent()).read("repeat = 2\n" + EvaluationTests.spec)
        prepared.plan = try EvalPlan.make(prompts: request.variants.map { ($0.name, $0.prompt) }, models: request.models, parameters: request.parameters,
                                          mode: { _ in request.mode }, spec: spec)
        let group = try #require(EvaluationTests.group(h.send(.evaluationPrepared(prepared))))
        #expect(group.runs.count == 8)
        // greeting·short: the samples differ, one passes; greeting·long: both say the same and pass.
        for (i, text, passed) in [(0, "hi", true), (1, "nope", false), (2, "hi there", true), (3, "hi there", true)] {
            _ = EvaluationTests.answer(&h, group.runs[i].runID, text)
            h.send(.cellGraded(runID: group.runs[i].runID, EvaluationTests.pass(passed)))
        }
        let lines = h.render().lines
        let greeting = try #require(lines.first { $0.hasPrefix(" greeting") })
        #expect(greeting.contains("│1/2 hi") && greeting.contains("2/2 hi there"), "\(greeting)")
        #expect(lines[2].contains("50% (1/2)") && lines[2].contains("agree 0%"), "\(lines[2])")
        #expect(lines[2].contains("100% (2/2)") && lines[2].contains("agree 100%"), "\(lines[2])")
    }
}

/// A column whose answers came with token probabilities shows how sure the model was over them.
@Suite struct EvaluationPerplexityTests {
    @Test func aColumnWithProbabilitiesShowsItsPerplexity() throws {
        var h = EvaluationTests.harness()
        let request = try #require(EvaluationTests.request(h.key("C-e")))
        let group = try #require(EvaluationTests.group(h.send(.evaluationPrepared(try EvaluationTests.prepared(request)))))
        // The first column's first answer: two tokens, mean log-probability -0.5 → perplexity e^0.5.
        h.send(.part(runID: group.runs[0].runID, .logprobs([TokenLogprob(token: "hi", logprob: -0.2), TokenLogprob(token: " there", logprob: -0.8)])))
        _ = EvaluationTests.answer(&h, group.runs[0].runID, "hi there")
        h.send(.cellGraded(runID: group.runs[0].runID, EvaluationTests.pass(true)))
        _ = EvaluationTests.answer(&h, group.runs[1].runID, "Hello")
        let screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("ppl 1.65"), "\(screen)")
        #expect(screen.components(separatedBy: "ppl ").count == 2, "only the column whose runs had probabilities")
    }
}
