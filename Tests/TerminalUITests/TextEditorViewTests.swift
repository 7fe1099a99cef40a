import RefractTestSupport
import Testing
@testable import TerminalUI

@Suite struct TextEditorViewTests {
    let plain = ResolvedTheme.plain
    let themed = ResolvedTheme.standard

    private func render(_ state: TextEditorState, width: Int, height: Int, theme: ResolvedTheme = .plain,
                        placeholder: String = "", focused: Bool = true) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        TextEditorView(state: state, theme: theme, placeholder: placeholder, focused: focused, highlighter: TextEditorView.variableHighlights)
            .render(in: buffer.area, into: &buffer)
        return buffer
    }

    @Test func wideAndCombiningTextPlaceTheCursor() {
        var state = TextEditorState(text: "日本e\u{301}😀x")
        state.setCursor(4)
        let buffer = render(state, width: 10, height: 2)
        expectScreen(buffer, ["日本e\u{301}😀x", ""], cursor: (7, 0))
        #expect(buffer[4, 0].grapheme == "e\u{301}")
        #expect(buffer[6, 0].isContinuation)

        state.setCursor(2)
        expectScreen(render(state, width: 10, height: 2), ["日本e\u{301}😀x", ""], cursor: (4, 0))
        state.setText("cafe\u{301}")
        expectScreen(render(state, width: 10, height: 1), ["cafe\u{301}"], cursor: (4, 0))
    }

    @Test func zwjSequencesDrawAsTheirEmoji() {
        let state = TextEditorState(text: "👨\u{200D}👩\u{200D}👧!")
        let buffer = render(state, width: 10, height: 1)
        expectScreen(buffer, ["👨👩👧!"], cursor: (7, 0))
    }

    @Test func softWrapScrollsToTheCursor() {
        let state = TextEditorState(text: "one two three four five")
        let buffer = render(state, width: 8, height: 2)
        expectScreen(buffer, ["four", "five"], cursor: (4, 1))
    }

    @Test func wideCharacterMovesToTheNextRow() {
        let state = TextEditorState(text: "abcd日")
        expectScreen(render(state, width: 5, height: 2), ["abcd", "日"], cursor: (2, 1))
    }

    @Test func cursorAfterAFullRowGoesBelow() {
        let state = TextEditorState(text: "abcde")
        expectScreen(render(state, width: 5, height: 2), ["abcde", ""], cursor: (0, 1))
    }

    @Test func cursorBeforeAHangingSpaceStaysInside() {
        var state = TextEditorState(text: "hello world")
        state.setCursor(5)
        expectScreen(render(state, width: 5, height: 3), ["hello", "world", ""], cursor: (4, 0))
    }

    @Test func selectionAndCursorLineStyles() {
        var state = TextEditorState(text: "hello world\nnext")
        state.setCursor(6)
        state.move(.lineEnd, selecting: true)
        state.move(.right, selecting: true)
        let buffer = render(state, width: 14, height: 2, theme: themed)
        expectScreen(buffer, ["hello world", "next"], cursor: (0, 1))
        #expect(buffer[6, 0].style == themed[.editorSelection])
        #expect(buffer[10, 0].style == themed[.editorSelection])
        // The selected line break shows as one selected cell.
        #expect(buffer[11, 0].style == themed[.editorSelection])
        #expect(buffer[12, 0].style == themed[.editorText])
        #expect(buffer[5, 0].style == themed[.editorText])
        #expect(buffer[2, 1].style == themed[.editorCursorLine])
        #expect(buffer[13, 1].style == themed[.editorCursorLine])
    }

    @Test func placeholderWhenEmpty() {
        let buffer = render(TextEditorState(), width: 12, height: 2, theme: themed, placeholder: "Write a prompt here")
        expectScreen(buffer, ["Write a ", "prompt here"], cursor: (0, 0))
        #expect(buffer[0, 0].style == themed[.editorPlaceholder])
    }

    @Test func controlsShowInert() {
        let state = TextEditorState(text: "a\u{1B}b\u{202E}c\td")
        let buffer = render(state, width: 20, height: 1, theme: themed, focused: false)
        expectScreen(buffer, ["a␛b⟦RLO⟧c   d"])
        #expect(buffer[1, 0].style == themed[.editorText].accented(by: themed[.editorInert]))
        #expect(buffer[0, 0].style == themed[.editorText])
        #expect(buffer[4, 0].style == themed[.editorText].accented(by: themed[.editorInert]))
    }

    @Test func unfocusedHasNoCursor() {
        let buffer = render(TextEditorState(text: "x"), width: 5, height: 1, theme: themed, focused: false)
        expectCursorHidden(buffer)
        #expect(buffer[0, 0].style == themed[.editorText])
    }

    @Test func variablesAreHighlighted() {
        let state = TextEditorState(text: "Hi {{name}}!")
        let buffer = render(state, width: 20, height: 1, theme: themed, focused: false)
        expectScreen(buffer, ["Hi {{name}}!"])
        let variable = themed[.editorText].accented(by: themed[.editorVariable])
        #expect(buffer[3, 0].style == variable)
        #expect(buffer[10, 0].style == variable)
        #expect(buffer[11, 0].style == themed[.editorText])
        #expect(buffer[2, 0].style == themed[.editorText])
    }

    @Test func cursorPositionMatchesRender() {
        var state = TextEditorState(text: "line one\nline two")
        state.setCursor(3)
        let view = TextEditorView(state: state, theme: plain)
        let area = Rect(x: 2, y: 1, width: 10, height: 3)
        var buffer = CellBuffer(width: 14, height: 5)
        view.render(in: area, into: &buffer)
        #expect(view.cursorPosition(in: area)?.x == 5)
        #expect(view.cursorPosition(in: area)?.y == 1)
        expectScreen(buffer, ["", "  line one", "  line two", "", ""], cursor: (5, 1))
    }
}
