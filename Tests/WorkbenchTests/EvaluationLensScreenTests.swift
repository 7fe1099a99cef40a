import Evaluation
import Foundation
import Providers
import RefractTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// The matrix narrowed to one check (`c`), and the Cases pane's one-line prompts (import, samples),
/// rendered into a fixed-size buffer.
@Suite struct EvaluationLensScreenTests {
    @Test func oneCheckMarksTheCellsAndTheColumnsByItsResults() throws {
        // Every check: greeting passes in "short" only, farewell in neither column.
        var (h, _) = try EvaluationCheckAndRerunTests.evaluated()
        h.key("c")
        h.key("c")
        h.key("f")
        // "short" (a length check) fails in the long column: both rows fail it there, and pass it in the short one.
        expectScreen(h.render(), [
            " Evaluation · 2 cases × 2 columns · 4/4 cells · $0.00 · done · check: short · filter: failures",
            " case      short                                       long",
            "           100% (2/2) · 0.20 s · $0.00                 0% (0/2) · 0.30 s · $0.00",
            String(repeating: "─", count: 100),
            " greeting │✓ an answer                                 ✗ an answer",
            " farewell │✓ an answer                                 ✗ an answer",
        ] + Array(repeating: "", count: 8) + [
            " Enter open  f filter  c check  s sort  r re-run cell  e row  E column  R failures  Esc back",
            " INSTRUCTION  local:smollm2-135m-instruct  showing cases with a failing cell (2)",
        ])
    }

    @Test func aCheckThatDoesNotGradeACellLeavesItDashed() throws {
        var (h, _) = try EvaluationCheckAndRerunTests.evaluated()
        // "polite" is farewell's own check: greeting's cells have no result for it.
        h.key("c")
        h.key("c")
        h.key("c")
        let lines = h.render().lines
        #expect(Array(lines.prefix(6)) == [
            " Evaluation · 2 cases × 2 columns · 4/4 cells · $0.00 · done · check: polite",
            " case      short                                       long",
            "           100% (1/1) · 0.20 s · $0.00                 0% (0/1) · 0.30 s · $0.00",
            String(repeating: "─", count: 100),
            " greeting │– an answer                                 – an answer",
            " farewell │✓ an answer                                 ! an answer",
        ], "\(lines.joined(separator: "\n"))")
        // The open cell lists every check, the chosen one marked; its own mark is the cell's overall outcome.
        h.key("Down")
        h.key("Enter")
        expectScreen(h.render(), Array(lines.prefix(1)) + [
            "╭ farewell · short · local:smollm2-135m-instruct ─────────────────────────────────── column 1 of 2 ╮",
            "│✗ fail · 0.30 s · $0.00 · 3 tokens                                                                │",
            "│checks:                                                                                           │",
            "│  ✗ contains '{{expect.word}}' (contains): fail                                                   │",
            "│  ✓ short (length): pass                                                                          │",
            "│▸ ✓ polite (contains): pass                                                                       │",
            "│                                                                                                  │",
            "│answer:                                                                                           │",
            "│an answer                                                                                         │",
            "│                                                                                                  │",
            "│                                                                                                  │",
            "│                                                                                                  │",
            "╰──────────────────────────────────────────────────────────────────────────────────────────────────╯",
            " Right next column  d diff  r re-run  Esc back",
            " INSTRUCTION  local:smollm2-135m-instruct  check 3 of 3: polite · 1 case fails it (f: only those)",
        ])
    }

    @Test func aReRunColumnWaitsAgainWhileTheOtherColumnKeepsItsResults() throws {
        var (h, _) = try EvaluationCheckAndRerunTests.evaluated()
        h.key("E")
        expectScreen(h.render(), [
            " ⠼ Evaluation · 2 cases × 2 columns · 2/4 cells · $0.00 · ~0.40 s left",
            " case      short                                       long",
            "           – · $0.00                                   0% (0/2) · 0.30 s · $0.00",
            String(repeating: "─", count: 100),
            " greeting │·                                           ✗ an answer",
            " farewell │·                                           ✗ an answer",
        ] + Array(repeating: "", count: 8) + [
            " Enter open  f filter  c check  s sort  r re-run cell  e row  E column  R failures  Esc stop",
            " INSTRUCTION  local:smollm2-135m-instruct  re-running 2 cells of column short",
        ])
    }

    @Test func onAnEightyColumnScreenTheStopKeyStaysOnTheHintLine() throws {
        var (h, _) = try EvaluationCheckAndRerunTests.evaluated()
        h.send(.input(.resize(width: 80, height: 16)))
        #expect(h.render().lines[14] == " f filter  c check  r re-run cell  e row  E column  R failures  Esc back")
        h.send(.input(.resize(width: 120, height: 16)))
        #expect(h.render().lines[14] == " Enter open  f filter  c check  s sort  r re-run cell  e row  E column  R failures  n samples  Esc back")
    }

    @Test func theImportPathAndTheSamplesAreAskedOnOneLine() throws {
        var h = try CasesImportAndRepeatTests.casesPane()
        h.key("i")
        h.type("data/more.csv")
        let table = [
            "╭ Cases · t.refract.toml · 2 cases ────────────────────────────────────────────────────────────────╮",
            "│name      text                                        expect.word                                 │",
            "│greeting  hello                                       hi                                          │",
            "│farewell  goodbye                                     bye                                         │",
            "│                                                                                                  │",
            "│                                                                                                  │",
        ]
        let rest = Array(repeating: "│                                                                                                  │", count: 4) + [
            "│Enter edit · a add · c copy · x delete · r run · e evaluate · i import · n samples · Esc back     │",
            "╰──────────────────────────────────────────────────────────────────────────────────────────────────╯",
            " INSTRUCTION  local:smollm2-135m-instruct  new variant \"instruction 2\" (F2 renames it)",
        ]
        expectScreen(h.render(), table + [
            "│                   ╭ Import cases: CSV or JSONL path  Enter save · Esc cancel ╮                   │",
            "│                   │data/more.csv                                             │                   │",
            "│                   ╰──────────────────────────────────────────────────────────╯                   │",
        ] + rest, cursor: (34, 7))
        h.key("Esc")
        h.key("n")
        expectScreen(h.render(), table + [
            "│                   ╭ Samples per cell (repeat = N) ── Enter save · Esc cancel ╮                   │",
            "│                   │1                                                         │                   │",
            "│                   ╰──────────────────────────────────────────────────────────╯                   │",
        ] + rest)
        // On an 80-column screen the samples and copy keys leave the hint line (F1 lists them), so Esc stays.
        h.key("Esc")
        h.send(.input(.resize(width: 80, height: 16)))
        #expect(h.render().lines[13] == "│Enter edit · a add · x delete · r run · e evaluate · i import · Esc back      │")
        h.send(.input(.resize(width: 100, height: 16)))
        // A bad row: nothing imported, one line naming the row and the column.
        h.key("Esc")
        h.send(.casesImported([], source: "data/more.csv", error: "data/more.csv:3: no value for column text"))
        #expect(h.render().lines.last == " INSTRUCTION  local:smollm2-135m-instruct  not imported: data/more.csv:3: no value for column text")
    }
}
