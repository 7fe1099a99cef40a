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

    @Test func eightColumnsScrollSidewaysBeyondTheWidth() {
        var h = ScreenScenarios.grid(columns: 8, 80, 24)
        #expect(h.render().lines[0].contains("columns 1–5 of 8"))
        for _ in 0..<7 { h.key("Right") }
        #expect(h.render().lines[0].contains("columns 4–8 of 8"))
        #expect(h.render().lines.joined().contains("The mat had a"))
    }
}
