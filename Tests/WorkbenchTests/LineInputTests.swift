import Foundation
import Providers
import Sessions
import TerminalUI
import Testing
@testable import Workbench

/// The one line-input reducer, and the overlays that use it: each field edits the same way, list keys go
/// through the keymap, and each overlay is in exactly one mode.
@Suite struct LineInputTests {
    private func press(_ spec: String, _ field: inout TextEditorState, keymap: Keymap = try! Keymap()) -> LineInput.Outcome {
        LineInput(keymap: keymap).reduce(try! KeySpec.parse(spec), &field)
    }

    @Test func editsOneLine() {
        var field = TextEditorState(text: "")
        for c in "hello" { #expect(LineInput(keymap: try! Keymap()).reduce(KeyPress(.char(c)), &field) == .changed) }
        #expect(press("Left", &field) == .moved)
        #expect(press("Left", &field) == .moved)
        #expect(press("Backspace", &field) == .changed)
        #expect(field.text == "helo")
        #expect(press("Home", &field) == .moved)
        _ = LineInput(keymap: try! Keymap()).reduce(KeyPress(.char(">")), &field)
        #expect(press("End", &field) == .moved)
        _ = LineInput(keymap: try! Keymap()).reduce(KeyPress(.char("!")), &field)
        #expect(field.text == ">helo!")
        #expect(press("Left", &field) == .moved)
        #expect(press("C-u", &field) == .changed)
        #expect(field.text == "!")
        #expect(press("Delete", &field) == .changed)
        #expect(field.text == "")
        #expect(press("Enter", &field) == .submit)
        #expect(press("Esc", &field) == .cancel)
        #expect(press("Up", &field) == .ignored)
        #expect(press("Tab", &field) == .ignored)
        #expect(press("C-r", &field) == .ignored)
    }

    /// Editing keys come from the keymap's editor context, so a rebinding reaches every one-line field.
    @Test func editingKeysFollowTheKeymap() {
        let keymap = try! Keymap(overrides: ["line_start": ["C-b"]])
        var field = TextEditorState(text: "")
        for c in "ab" { _ = LineInput(keymap: keymap).reduce(KeyPress(.char(c)), &field) }
        #expect(press("C-b", &field, keymap: keymap) == .moved)
        #expect(press("Home", &field, keymap: keymap) == .ignored)
        _ = LineInput(keymap: keymap).reduce(KeyPress(.char("x")), &field)
        #expect(field.text == "xab")
    }

    /// The switcher reads its list keys through the keymap, as the browser does (a list binding wins over an
    /// editor one: C-k is also "delete to end of line"); letters type into the filter.
    @Test func switcherListKeysFollowTheKeymap() throws {
        var h = WorkbenchHarness(keys: ["scroll_down": ["C-n"], "scroll_up": ["C-k"]])
        h.key("C-p")
        guard case .switcher(let opened) = h.state.overlay else { Issue.record("the switcher should open"); return }
        let first = try #require(opened.list.selected)
        h.key("C-n")
        h.key("C-n")
        guard case .switcher(let moved) = h.state.overlay else { Issue.record("the switcher closed"); return }
        #expect(moved.list.selected == first + 2)
        h.key("C-k")
        guard case .switcher(let back) = h.state.overlay else { Issue.record("the switcher closed"); return }
        #expect(back.list.selected == first + 1)
        h.key("Down")
        guard case .switcher(let unbound) = h.state.overlay else { Issue.record("the switcher closed"); return }
        #expect(unbound.list.selected == first + 1, "Down no longer moves once scroll_down is rebound")
        h.type("gemj")
        h.key("Left")
        h.type("k")
        guard case .switcher(let typed) = h.state.overlay else { Issue.record("the switcher closed"); return }
        #expect(typed.filter.text == "gemkj")
        #expect(typed.list.selected == 0)
    }

    @Test func browserHasOneModeAtATime() throws {
        var h = WorkbenchHarness()
        h.key("C-o")
        let file = URL(fileURLWithPath: "/tmp/refract-line-input-test.jsonl")
        let summary = SessionSummary(file: file, id: "abc", title: "colors", created: Date(timeIntervalSince1970: 0), runCount: 1, failedRuns: 0,
                                     models: [ModelRef("local:smollm2-135m-instruct")!], totalCostUSD: 0, unpricedRuns: 0, byteCount: 100)
        h.send(.sessionsListed([summary], problems: [], current: nil))
        var browser: BrowserState {
            guard case .sessions(let b) = h.state.overlay else { return BrowserState() }
            return b
        }
        h.key("n")
        #expect(browser.mode == .renaming(TextEditorState(text: "colors")))
        h.key("C-u")
        h.type("hues")
        h.key("Left")
        h.key("Backspace")
        #expect(h.key("Enter") == [.renameSession(file, title: "hus")])
        #expect(browser.mode == .browsing)
        h.key("d")
        #expect(browser.mode == .confirmingDelete)
        #expect(h.key("x") == [])
        #expect(browser.mode == .browsing)
        h.key("/")
        #expect(browser.mode == .searching)
        h.type("bxue")
        h.key("Home")
        h.key("Right")
        h.key("Delete")
        h.type("l")
        h.key("End")
        h.type("s")
        h.key("Backspace")
        #expect(browser.query.text == "blue")
        h.key("Esc")
        #expect(browser.mode == .browsing)
        #expect(browser.query.text == "")
    }

    /// A paste lands in the overlay's field that has the keys, as one line.
    @Test func pasteGoesToTheOverlaysField() {
        var h = WorkbenchHarness()
        h.key("C-o")
        h.key("/")
        h.send(.input(.paste("blue\nsky")))
        guard case .sessions(let browser) = h.state.overlay else { Issue.record("the browser closed"); return }
        #expect(browser.query.text == "blue sky")
        #expect(h.state.input.text == "", "nothing went to the prompt under the overlay")
        h.key("Esc")
        h.key("Esc")
        h.key("F2")
        guard case .textPrompt(var prompt) = h.state.overlay else { Issue.record("F2 renames the variant in a text prompt"); return }
        h.key("C-u")
        h.send(.input(.paste("terse\r\nstyle")))
        guard case .textPrompt(let pasted) = h.state.overlay else { Issue.record("the prompt closed"); return }
        prompt = pasted
        #expect(prompt.editor.text == "terse style")
    }
}
