import Testing
@testable import TerminalUI

@Suite struct TextEditorStateTests {
    private func typed(_ text: String, width: Int = 40) -> TextEditorState {
        var state = TextEditorState(wrapWidth: width)
        for ch in text { state.type(String(ch)) }
        return state
    }

    @Test func combiningMarkJoinsItsBaseAndLeavesWithIt() {
        var state = TextEditorState()
        state.type("e")
        state.type("\u{301}")
        #expect(state.text == "e\u{301}")
        #expect(state.lines[0].count == 1)
        #expect(state.cursor == 1)
        #expect(state.cursorVisualPosition.column == 1)
        state.type("x")
        state.move(.left)
        state.move(.left)
        #expect(state.cursor == 0)
        state.move(.right)
        state.deleteBackward()
        #expect(state.text == "x")
    }

    @Test func cursorColumnsCountDisplayWidth() {
        var state = TextEditorState(text: "日本語")
        #expect(state.cursor == 3)
        #expect(state.cursorVisualPosition.column == 6)
        state.move(.left)
        #expect(state.cursorVisualPosition.column == 4)
        state.setText("a😀b")
        state.setCursor(2)
        #expect(state.cursorVisualPosition.column == 3)
        state.setText("👨\u{200D}👩\u{200D}👧x")
        #expect(state.lines[0].count == 2)
        state.setCursor(1)
        #expect(state.cursorVisualPosition.column == 6)
        state.setText("a\tb")
        #expect(state.cursorVisualPosition.column == 5)
    }

    @Test func wordMoves() {
        var state = TextEditorState(text: "hello, world  foo")
        state.move(.documentStart)
        var stops: [Int] = []
        for _ in 0..<4 {
            state.move(.wordRight)
            stops.append(state.cursor)
        }
        #expect(stops == [5, 6, 12, 17])
        stops = []
        for _ in 0..<4 {
            state.move(.wordLeft)
            stops.append(state.cursor)
        }
        #expect(stops == [14, 7, 5, 0])
    }

    @Test func wordMovesCrossLines() {
        var state = TextEditorState(text: "one\n  two")
        state.move(.documentStart)
        state.move(.wordRight)
        state.move(.wordRight)
        #expect(state.cursorPosition == TextPosition(line: 1, column: 5))
        state.move(.wordLeft)
        state.move(.wordLeft)
        #expect(state.cursorPosition == TextPosition(line: 0, column: 0))
    }

    @Test func softWrapLayout() {
        let state = TextEditorState(text: "aaaa bbbb cccc\nxy\nlonger line here", wrapWidth: 8)
        let layout = state.layout(width: 8)
        let rows = layout.rows.map { String(state.lines[$0.line][$0.start..<$0.end]) }
        #expect(rows == ["aaaa ", "bbbb ", "cccc", "xy", "longer ", "line ", "here"])
        #expect(layout.cursorRow == 6)
        #expect(layout.cursorColumn == 4)
        #expect(state.visualRowCount == 7)
    }

    @Test func fullRowGetsARowForTheCursor() {
        let state = TextEditorState(text: "hello world", wrapWidth: 5)
        let layout = state.layout(width: 5)
        #expect(layout.rows.map { ($0.start, $0.end) }.map { "\($0.0)-\($0.1)" } == ["0-6", "6-11", "11-11"])
        #expect(layout.cursorRow == 2)
        #expect(layout.cursorColumn == 0)
    }

    @Test func wideCharactersWrapWhole() {
        let state = TextEditorState(text: "ab日本語", wrapWidth: 5)
        let rows = state.layout(width: 5).rows.map { String(state.lines[0][$0.start..<$0.end]) }
        #expect(rows == ["ab日", "本語"])
    }

    @Test func upAndDownKeepTheGoalColumn() {
        var state = TextEditorState(text: "aaaa bbbb cccc\nxy\nlonger line here", wrapWidth: 8)
        state.setCursor(3)  // line 0, column 3
        state.move(.down)
        #expect(state.cursorPosition == TextPosition(line: 0, column: 8))
        state.move(.down)
        #expect(state.cursorPosition == TextPosition(line: 0, column: 13))
        state.move(.down)
        #expect(state.cursorPosition == TextPosition(line: 1, column: 2))
        state.move(.down)
        #expect(state.cursorPosition == TextPosition(line: 2, column: 3))
        state.move(.up)
        state.move(.up)
        #expect(state.cursorPosition == TextPosition(line: 0, column: 13))
        // A sideways move forgets the goal.
        state.move(.left)
        state.move(.down)
        #expect(state.cursorPosition == TextPosition(line: 1, column: 2))
    }

    @Test func verticalMovesStayOnSoftRows() {
        var state = TextEditorState(text: "aaaa bbbb cccc\nxy\nlonger line here", wrapWidth: 8)
        state.setCursor(state.index(of: TextPosition(line: 2, column: 6)))
        state.move(.up)
        #expect(state.cursorPosition == TextPosition(line: 1, column: 2))
        state.move(.up)
        #expect(state.cursorPosition == TextPosition(line: 0, column: 14))
        state.move(.up)
        // "bbbb " is a soft row: the position after its space belongs to the next row.
        #expect(state.cursorPosition == TextPosition(line: 0, column: 9))
        state.move(.documentStart)
        state.move(.up)
        #expect(state.cursor == 0)
        state.move(.documentEnd)
        state.move(.down)
        #expect(state.cursorPosition == state.endPosition)
    }

    @Test func goalColumnUsesDisplayColumns() {
        var state = TextEditorState(text: "日本語\nabcdef", wrapWidth: 20)
        state.setCursor(state.index(of: TextPosition(line: 1, column: 3)))
        state.move(.up)
        // Column 3 is the middle of 本: the cursor stops before it.
        #expect(state.cursorPosition == TextPosition(line: 0, column: 1))
        state.move(.down)
        #expect(state.cursorPosition == TextPosition(line: 1, column: 3))
    }

    @Test func pageMoves() {
        var state = TextEditorState(text: (0..<30).map { "line \($0)" }.joined(separator: "\n"), wrapWidth: 20)
        state.move(.documentStart)
        state.move(.pageDown(rows: 10))
        #expect(state.cursorPosition.line == 10)
        state.move(.pageUp(rows: 4))
        #expect(state.cursorPosition.line == 6)
        state.move(.lineEnd)
        #expect(state.cursorPosition.column == 6)
        state.move(.lineStart)
        #expect(state.cursorPosition.column == 0)
    }

    @Test func selectCutAndPaste() {
        var state = TextEditorState(text: "hello world")
        state.move(.documentStart)
        state.move(.wordRight, selecting: true)
        #expect(state.selectedRange == 0..<5)
        #expect(state.copy() == "hello")
        #expect(state.cut() == "hello")
        #expect(state.text == " world")
        #expect(state.selection == nil)
        state.move(.documentEnd)
        state.paste("hello")
        #expect(state.text == " worldhello")
        state.undo()
        #expect(state.text == " world")
        state.undo()
        #expect(state.text == "hello world")
        #expect(state.selectedRange == 0..<5)
    }

    @Test func selectionAcrossLinesAndTypingReplacesIt() {
        var state = TextEditorState(text: "one\ntwo\nthree")
        state.setCursor(2)
        state.move(.down, selecting: true)
        state.move(.down, selecting: true)
        #expect(state.selectedText == "e\ntwo\nth")
        state.type("X")
        #expect(state.text == "onXree")
        #expect(state.cursor == 3)
        state.undo()
        #expect(state.text == "one\ntwo\nthree")
        #expect(state.selectedText == "e\ntwo\nth")
    }

    @Test func leftAndRightCollapseASelection() {
        var state = TextEditorState(text: "abcdef")
        state.setCursor(1)
        state.move(.right, selecting: true)
        state.move(.right, selecting: true)
        state.move(.left)
        #expect(state.cursor == 1)
        #expect(state.selection == nil)
        state.selectAll()
        state.move(.right)
        #expect(state.cursor == 6)
    }

    @Test func typingUndoesAWordAtATime() {
        var state = typed("hello world")
        #expect(state.text == "hello world")
        state.undo()
        #expect(state.text == "hello ")
        state.undo()
        #expect(state.text == "")
        #expect(!state.canUndo)
        state.redo()
        #expect(state.text == "hello ")
        state.redo()
        #expect(state.text == "hello world")
        #expect(state.cursor == 11)
        #expect(!state.canRedo)
    }

    @Test func movingTheCursorEndsATypingStep() {
        var state = typed("abc")
        state.move(.left)
        state.type("X")
        #expect(state.text == "abXc")
        state.undo()
        #expect(state.text == "abc")
        #expect(state.cursor == 2)
    }

    @Test func everyOtherEditIsItsOwnStep() {
        var state = typed("ab")
        state.insertNewline()
        state.type("c")
        state.type("d")
        state.deleteBackward()
        state.deleteBackward()
        #expect(state.text == "ab\n")
        state.undo()
        #expect(state.text == "ab\nc")
        state.undo()
        #expect(state.text == "ab\ncd")
        state.undo()
        #expect(state.text == "ab\n")
        state.undo()
        #expect(state.text == "ab")
        state.undo()
        #expect(state.text == "")
    }

    @Test func pasteIsOneStep() {
        var state = typed("x")
        state.paste("line1\r\nline2\nline3")
        #expect(state.text == "xline1\nline2\nline3")
        #expect(state.cursorPosition == TextPosition(line: 2, column: 5))
        state.undo()
        #expect(state.text == "x")
        #expect(state.cursor == 1)
        state.redo()
        #expect(state.text == "xline1\nline2\nline3")
        #expect(state.cursorPosition == TextPosition(line: 2, column: 5))
        state.type("!")
        #expect(!state.canRedo)
    }

    @Test func backspaceAndDeleteJoinLines() {
        var state = TextEditorState(text: "ab\ncd")
        state.setCursor(3)
        state.deleteBackward()
        #expect(state.text == "abcd")
        #expect(state.cursor == 2)
        state.deleteForward()
        #expect(state.text == "abd")
        state.move(.documentStart)
        state.deleteBackward()
        #expect(state.text == "abd")
    }

    @Test func wordDeletion() {
        var state = TextEditorState(text: "say hello world")
        state.deleteWordBackward()
        #expect(state.text == "say hello ")
        state.move(.documentStart)
        state.deleteWordForward()
        #expect(state.text == " hello ")
    }

    @Test func graphemeIndicesRoundTrip() {
        let state = TextEditorState(text: "ab\n日本\n\nx")
        for i in 0...state.text.count {
            #expect(state.index(of: state.position(ofIndex: i)) == i)
        }
        #expect(state.position(ofIndex: 3) == TextPosition(line: 1, column: 0))
    }

    @Test func viewportScrollsToTheCursor() {
        var state = TextEditorState(text: (0..<50).map(String.init).joined(separator: "\n"), wrapWidth: 10)
        state.setViewport(width: 10, height: 5)
        #expect(state.scrollTop == 45)
        state.move(.documentStart)
        #expect(state.scrollTop == 0)
        state.move(.pageDown(rows: 7))
        #expect(state.scrollTop == 3)
        state.scroll(by: 100)
        #expect(state.scrollTop == 45)
    }

    @Test func keystrokesOnALargeTextStayLocal() {
        // 10,000 lines: a keystroke must touch one line, not re-wrap the text. Checked by behaviour,
        // not by time: the other lines' layout is unchanged and the edit lands where it should.
        let text = (0..<10_000).map { "line \($0) with some words in it" }.joined(separator: "\n")
        var state = TextEditorState(text: text, wrapWidth: 20)
        let rowsBefore = state.visualRowCount
        state.setCursor(state.index(of: TextPosition(line: 5_000, column: 4)))
        state.type("!")
        #expect(Array(state.lines[5_000].prefix(6)) == Array("line! "))
        #expect(state.visualRowCount == rowsBefore)
        state.undo()
        #expect(state.text == text)
    }
}
