import Providers
import RefractTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// A looped run on screen: in the response pane, and in a comparison cell drawn from the column cache
/// (which only extends what it drew) exactly as from scratch.
@Suite struct ToolStepScreenTests {
    static let parts: [StreamPart] = [
        .textDelta("Checking."),
        .toolCallDelta(ToolCallDelta(index: 0, id: "a", name: "get_weather")),
        .toolCallDelta(ToolCallDelta(index: 0, argumentsDelta: #"{"city":"#)),
        .toolCallDelta(ToolCallDelta(index: 0, argumentsDelta: #""Paris"}"#)),
        .toolResult(ToolResult(index: 0, id: "a", name: "get_weather", content: "sunny \u{1B}[31mred", step: 1)),
        .textDelta("It is sunny."),
    ]

    @Test func theResponsePaneShowsEachCallAndAnswerAsTheyArrive() {
        var h = WorkbenchHarness(width: 90, height: 24)
        h.key("M-3")
        h.type("Weather?")
        let id = h.key("C-r").compactMap { if case .startRun(let r) = $0 { r.runID } else { nil } }.first!
        for part in Self.parts.prefix(3) { h.send(.part(runID: id, part)) }
        #expect(h.render().lines.joined(separator: "\n").contains(#"▸ get_weather {"city":"#), "arguments show as they form")
        for part in Self.parts.dropFirst(3) { h.send(.part(runID: id, part)) }
        let screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains(#"▸ get_weather {"city":"Paris"}"#), "\(screen)")
        #expect(screen.contains("◂ sunny"), "\(screen)")
        #expect(!screen.contains("\u{1B}"), "tool output is shown inert")
        #expect(screen.contains("It is sunny."))
    }

    @Test func aComparisonCellShowsTheLoopAndTheCacheAgrees() {
        var h = WorkbenchHarness(width: 90, height: 24)
        h.key("M-3")
        h.type("Weather?")
        h.key("M-2")
        h.type("Be brief.")
        h.key("M-n")
        h.type("Be kind.")
        h.key("C-g")
        let group = h.key("C-r").compactMap { if case .startGroup(let g) = $0 { g } else { nil } }.first!
        let cache = ColumnTextCache()
        for part in Self.parts {
            for run in group.runs { h.send(.part(runID: run.runID, part)) }
            let cached = WorkbenchView(state: h.state, theme: .plain, keymap: h.reducer.keymap, columnCache: cache).render()
            #expect(cached.lines == h.render().lines)
        }
        let screen = h.render().lines.joined(separator: "\n")
        #expect(screen.contains("▸ get_weather"), "\(screen)")
        #expect(screen.contains("◂ sunny"), "\(screen)")
    }
}
