import Providers
import RefractTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// The comparison screens against snapshot files (`__Snapshots__/*.txt`, reviewed by eye when recorded).
@Suite struct ComparisonScreenTests {
    @Test(arguments: [2, 4, 8])
    func gridAt120x40(columns: Int) {
        expectSnapshot(ScreenScenarios.grid(columns: columns, 120, 40).render(), named: "grid-\(columns)-120x40")
    }

    @Test(arguments: [2, 4, 8])
    func gridAt80x24(columns: Int) {
        expectSnapshot(ScreenScenarios.grid(columns: columns, 80, 24).render(), named: "grid-\(columns)-80x24")
    }

    @Test func maximisedColumn() {
        expectSnapshot(ScreenScenarios.maximized().render(), named: "grid-maximised")
    }

    @Test func wordDiffView() {
        expectSnapshot(ScreenScenarios.diff().render(), named: "grid-diff")
    }

    @Test func blindViewHidesNames() {
        let screen = ScreenScenarios.blind().render()
        expectSnapshot(screen, named: "grid-blind")
        let text = screen.lines.joined(separator: "\n")
        #expect(!text.contains("instruction 1") && !text.contains("smollm2"))
    }

    @Test func comparisonSetupWithEstimate() {
        expectSnapshot(ScreenScenarios.gridSetup().render(), named: "grid-setup")
    }

    @Test func cachedColumnsDrawTheSameCellsAsWrappingFromScratch() {
        var h = WorkbenchHarness(width: 90, height: 20)
        h.key("M-3")
        h.type("The cat sat on the mat.")
        h.key("M-2")
        h.type("Rewrite 1:")
        for i in 1..<3 {
            h.key("M-n")
            h.type("Rewrite \(i + 1):")
        }
        h.key("C-g")
        let group = h.key("C-r").compactMap { if case .startGroup(let g) = $0 { g } else { nil } }.first!
        let cache = ColumnTextCache()
        func same() {
            let cached = WorkbenchView(state: h.state, theme: .plain, keymap: h.reducer.keymap, columnCache: cache).render()
            #expect(cached.lines == h.render().lines)
        }
        // Words, a combining accent arriving after its letter, wide characters, long lines that wrap.
        let deltas = ["The", " mat", " was", " cafe", "\u{301}", " 東京", " and", String(repeating: " long", count: 30), "\n\nEnd."]
        for delta in deltas {
            for run in group.runs {
                h.advance(0.05)
                h.send(.part(runID: run.runID, .textDelta(delta)))
            }
            same()
        }
        // An escape sequence split across deltas is shown whole and inert once the run ends.
        for run in group.runs {
            h.send(.part(runID: run.runID, .textDelta(" \u{1B}[3")))
            h.send(.part(runID: run.runID, .textDelta("1mred")))
            h.send(.part(runID: run.runID, .finish(FinishReason(.stop, raw: "stop"))))
            h.send(.runEnded(runID: run.runID))
        }
        same()
    }

    @Test func eightColumnsScrollSidewaysBeyondTheWidth() {
        var h = ScreenScenarios.grid(columns: 8, 80, 24)
        #expect(h.render().lines[0].contains("columns 1–5 of 8"))
        for _ in 0..<7 { h.key("Right") }
        #expect(h.render().lines[0].contains("columns 4–8 of 8"))
        #expect(h.render().lines.joined().contains("The mat had a"))
    }
}
