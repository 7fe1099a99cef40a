import RefractTestSupport
import Testing
@testable import TerminalUI

@Suite struct WidgetTests {
    let plain = ResolvedTheme.plain
    let themed = ResolvedTheme.standard

    @Test func borderWithTitles() {
        var buffer = CellBuffer(width: 14, height: 3)
        Border(title: "Title", rightTitle: "R").render(in: buffer.area, into: &buffer)
        expectScreen(buffer, [
            "┌ Title ── R ┐",
            "│            │",
            "└────────────┘",
        ])
    }

    @Test func borderShortensLongTitles() {
        var buffer = CellBuffer(width: 10, height: 2)
        Border(lines: .rounded, title: "A long title", rightTitle: "right").render(in: buffer.area, into: &buffer)
        expectScreen(buffer, [
            "╭ A long…╮",
            "╰────────╯",
        ])
    }

    @Test func panelUsesFocusedRoles() {
        var buffer = CellBuffer(width: 12, height: 4, fill: Cell("x"))
        let panel = Panel(title: "Prompt", focused: true, theme: themed)
        panel.render(in: buffer.area, into: &buffer)
        expectScreen(buffer, [
            "╭ Prompt ──╮",
            "│          │",
            "│          │",
            "╰──────────╯",
        ])
        #expect(buffer[0, 0].style == themed[.paneBorderFocused])
        #expect(buffer[2, 0].style == themed[.paneTitleFocused])
        #expect(buffer[5, 1].style == themed[.text])
        #expect(panel.inner(buffer.area) == Rect(x: 1, y: 1, width: 10, height: 2))
        var unfocused = CellBuffer(width: 12, height: 4)
        Panel(title: "Prompt", focused: false, theme: themed).render(in: unfocused.area, into: &unfocused)
        #expect(unfocused[0, 0].style == themed[.paneBorder])
        #expect(themed[.paneBorder] != themed[.paneBorderFocused])
    }

    @Test func paragraphScrollsAndStylesSpans() {
        var text = WrappedText(width: 6)
        text.append("hello world ")
        text.append(TextSanitizer.sanitize("\u{1B}[2J"))
        text.append(" foo")
        var buffer = CellBuffer(width: 6, height: 2)
        Paragraph(text, scroll: 1, theme: themed).render(in: buffer.area, into: &buffer)
        expectScreen(buffer, [
            "world",
            "␛[2J",
        ])
        #expect(buffer[0, 1].style == themed[.responseInert])
        #expect(buffer[0, 0].style == themed[.responseText])
        #expect(text.lineCount == 4)
    }

    @Test func paragraphExpandsTabsAndRewrapsToTheArea() {
        var buffer = CellBuffer(width: 9, height: 3)
        Paragraph(plain: "a\tb 日本語 end", theme: plain).render(in: buffer.area, into: &buffer)
        expectScreen(buffer, [
            "a   b",
            "日本語",
            "end",
        ])
    }

    @Test func listKeepsSelectionVisibleAndHighlightsMatches() {
        let items = ["alpha", "beta", "gamma", "delta"].map { ListItem($0) }
        var buffer = CellBuffer(width: 10, height: 2)
        var state = ListViewState(selected: 3, offset: 0)
        ListView(items: items, state: state, theme: plain).render(in: buffer.area, into: &buffer)
        expectScreen(buffer, [
            "  gamma",
            "› delta",
        ])
        state.scrollToSelection(height: 2)
        #expect(state.offset == 2)
        state.moveSelection(by: -3, count: items.count)
        #expect(state.selected == 0)
        state.scrollToSelection(height: 2)
        #expect(state.offset == 0)

        var matched = CellBuffer(width: 10, height: 1)
        let match = FuzzyMatcher().match("gm", in: "gamma")
        let positions = match?.positions ?? []
        #expect(positions == [0, 2])
        ListView(items: [ListItem("gamma", matches: positions)], state: ListViewState(selected: nil), theme: themed)
            .render(in: matched.area, into: &matched)
        #expect(matched[2, 0].style == themed[.listText].accented(by: themed[.listMatch]))
        #expect(matched[3, 0].style == themed[.listText])
        #expect(matched[4, 0].style != matched[3, 0].style)
    }

    @Test func listShowsDetailsOnTheRight() {
        var buffer = CellBuffer(width: 20, height: 2)
        let items = [ListItem("gpt-4o", detail: "$5"), ListItem("a-very-long-model-name-here", detail: "$15")]
        ListView(items: items, state: ListViewState(selected: 0), theme: plain).render(in: buffer.area, into: &buffer)
        expectScreen(buffer, [
            "› gpt-4o          $5",
            "  a-very-long-m… $15",
        ])
    }

    @Test func spinnerFramesFollowTime() {
        #expect(Spinner(elapsed: .zero).frame == "⠋")
        #expect(Spinner(elapsed: .milliseconds(85)).frame == "⠙")
        #expect(Spinner(elapsed: .milliseconds(850)).frame == "⠋")
        #expect(Spinner(elapsed: .milliseconds(170), frames: Spinner.ascii).frame == "-")
        var buffer = CellBuffer(width: 14, height: 1)
        Spinner(elapsed: .milliseconds(250), label: "streaming").render(in: buffer.area, into: &buffer)
        expectScreen(buffer, ["⠸ streaming"])
    }

    @Test func overlayIsCentredAndClearsUnderneath() {
        var buffer = CellBuffer(width: 20, height: 7, fill: Cell("x"))
        let overlay = Overlay(title: "Hi", width: 10, height: 3, theme: themed)
        overlay.render(in: buffer.area, into: &buffer)
        expectScreen(buffer, [
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxx╭ Hi ────╮xxxxx",
            "xxxxx│        │xxxxx",
            "xxxxx╰────────╯xxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
        ])
        #expect(overlay.inner(in: buffer.area) == Rect(x: 6, y: 3, width: 8, height: 1))
        #expect(buffer[7, 3].style == themed[.overlayText])
        #expect(buffer[5, 2].style == themed[.overlayBorder])
        #expect(buffer[7, 2].style == themed[.overlayTitle])
    }

    @Test func overlayShrinksToTheScreen() {
        let overlay = Overlay(width: 50, height: 20, theme: plain)
        #expect(overlay.frame(in: Rect(x: 0, y: 0, width: 30, height: 10)) == Rect(x: 0, y: 0, width: 30, height: 10))
    }

    @Test func keyHintsDropWholeHints() {
        let hints = [KeyHint("^R", "run"), KeyHint("^M", "model"), KeyHint("Esc", "cancel")]
        var buffer = CellBuffer(width: 20, height: 1)
        KeyHints(hints, theme: themed).render(in: buffer.area, into: &buffer)
        expectScreen(buffer, ["^R run  ^M model"])
        #expect(buffer[0, 0].style == themed[.statusKey])
        #expect(buffer[3, 0].style == themed[.statusText])
        #expect(buffer[19, 0].style == themed[.statusText])
        #expect(KeyHints(hints).fittingCount(width: 28) == 3)
    }

    @Test func tableSizesColumnsAndTruncates() {
        let table = Table(
            columns: [TableColumn("Name"), TableColumn("Cost", width: .content(max: 8), alignRight: true)],
            rows: [["gpt-4o", "$1.25"], ["claude-sonnet-4", "$15.00"]],
            selected: 1, theme: themed)
        #expect(table.columnWidths(for: 16) == [9, 6])
        var buffer = CellBuffer(width: 16, height: 3)
        table.render(in: buffer.area, into: &buffer)
        expectScreen(buffer, [
            "Name        Cost",
            "gpt-4o     $1.25",
            "claude-s… $15.00",
        ])
        #expect(buffer[0, 0].style == themed[.tableHeader])
        #expect(buffer[0, 2].style == themed[.listSelected])
    }

    @Test func tableGivesUpRightColumnsWhenNarrow() {
        let table = Table(columns: [TableColumn("A", width: .fixed(5)), TableColumn("B", width: .fixed(5))], rows: [], theme: plain)
        #expect(table.columnWidths(for: 8) == [5, 2])
        #expect(table.columnWidths(for: 3) == [2, 0])
    }

    @Test func scrollbarThumb() {
        #expect(Scrollbar(total: 10, offset: 0, visible: 10).thumbRows(height: 5) == nil)
        #expect(Scrollbar(total: 20, offset: 0, visible: 5).thumbRows(height: 4) == 0..<1)
        #expect(Scrollbar(total: 20, offset: 15, visible: 5).thumbRows(height: 4) == 3..<4)
        var buffer = CellBuffer(width: 1, height: 4)
        Scrollbar(total: 8, offset: 4, visible: 4).render(in: buffer.area, into: &buffer)
        expectScreen(buffer, ["│", "│", "┃", "┃"])
    }
}
