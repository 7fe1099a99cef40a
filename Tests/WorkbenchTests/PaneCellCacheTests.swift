import Providers
import TerminalUI
import Testing
@testable import Workbench

/// A frame drawn with the pane cache is the frame drawn without it, and the cache is used while an answer
/// streams (the prompt panes do not change then).
@Suite struct PaneCellCacheTests {
    @Test func cachedFramesEqualFreshFramesThroughEditsAndAStream() throws {
        var h = WorkbenchHarness()
        let cache = PaneCellCache()
        func check(_ what: String) {
            let cached = WorkbenchView(state: h.state, theme: .standard, keymap: h.reducer.keymap, paneCache: cache).render()
            let fresh = WorkbenchView(state: h.state, theme: .standard, keymap: h.reducer.keymap).render()
            #expect(cached == fresh, "\(what)")
            #expect(cached.cursor?.x == fresh.cursor?.x && cached.cursor?.y == fresh.cursor?.y, "\(what): cursor")
        }
        check("first frame")
        h.type("Tell me about {{topic}}")
        check("typed a variable")
        h.key("M-2")
        h.type("Be brief.")
        check("another field")
        h.key("M-4")
        h.type("cats")
        h.key("Enter")
        check("a variable's value")
        h.key("M-3")
        let id = try #require(h.key("C-r").compactMap { if case .startRun(let r) = $0 { r.runID } else { nil } }.first)
        let before = cache.hits
        for word in ["Once", " upon", " a", " time"] {
            h.send(.part(runID: id, .textDelta(word)))
            check("streamed \(word)")
        }
        #expect(cache.hits - before >= 4 * 3, "the prompt fields come from the cache while the answer streams")
        h.key("C-p")
        check("an overlay over cached panes")
        h.key("Esc")
        h.send(.input(.resize(width: 100, height: 30)))
        check("resized")
    }
}
