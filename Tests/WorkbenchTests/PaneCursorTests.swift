import TerminalUI
import Testing
@testable import Workbench

/// Panes report the cursor as widgets do, in `buffer.cursor`: the field with the keys has it, an overlay
/// takes it from the panes under it, and nothing else sets it.
@Suite struct PaneCursorTests {
    @Test func theFocusedFieldHasTheCursorAndTypingMovesIt() throws {
        var h = WorkbenchHarness()
        let input = try #require(h.state.layout.panes[.input])
        let start = try #require(h.render().cursor)
        #expect(input.contains(x: start.x, y: start.y))
        h.type("abc")
        let typed = try #require(h.render().cursor)
        #expect(typed.x == start.x + 3 && typed.y == start.y)
        h.key("M-1")
        let system = try #require(h.state.layout.panes[.system])
        let moved = try #require(h.render().cursor)
        #expect(system.contains(x: moved.x, y: moved.y))
    }

    @Test func overlaysTakeTheCursor() throws {
        var h = WorkbenchHarness()
        h.key("F1")
        #expect(h.render().cursor == nil, "help has no field: the input's cursor must not show through")
        h.key("Esc")
        h.key("C-p")
        let filter = try #require(h.render().cursor)
        let input = try #require(h.state.layout.panes[.input])
        #expect(!input.contains(x: filter.x, y: filter.y))
        h.type("gem")
        let typed = try #require(h.render().cursor)
        #expect(typed.x == filter.x + 3 && typed.y == filter.y)
    }

    @Test func theResponsePaneHasNoCursor() {
        var h = WorkbenchHarness()
        h.key("M-5")
        #expect(h.render().cursor == nil)
    }
}
