import RefractTestSupport
import Testing
@testable import TerminalUI

@Suite struct CellBufferTests {
    @Test func wideCharacterOverwrittenByNarrow() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.write("日本", x: 0, y: 0)
        buffer.write("a", x: 1, y: 0)  // the right half of 日
        expectScreen(buffer, [" a本"])
        #expect(buffer[0, 0] == Cell(" "))
        buffer.write("b", x: 2, y: 0)  // the left half of 本
        expectScreen(buffer, [" ab"])
        #expect(buffer[3, 0] == Cell(" "))
    }

    @Test func narrowOverwrittenByWide() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.write("abcd", x: 0, y: 0)
        buffer.write("日", x: 1, y: 0)
        expectScreen(buffer, ["a日d"])
        #expect(buffer[2, 0].isContinuation)
        // A wide grapheme that would cross the edge becomes a space.
        buffer.set(x: 3, y: 0, Cell("本", width: 2))
        expectScreen(buffer, ["a日"])
    }

    @Test func wideOverWideAtAnOffset() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.write("日本語", x: 0, y: 0)
        buffer.write("中", x: 1, y: 0)
        expectScreen(buffer, [" 中 語"])
        for x in 0..<6 where buffer[x, 0].isContinuation { #expect(x > 0 && buffer[x - 1, 0].width == 2) }
    }

    @Test func writeStopsAtMaxXWithoutHalfCharacters() {
        var buffer = CellBuffer(width: 8, height: 1)
        let end = buffer.write("ab日本", x: 0, y: 0, maxX: 5)
        #expect(end == 4)
        expectScreen(buffer, ["ab日"])
    }

    @Test func writeDropsControlsAndSplitsClusters() {
        var buffer = CellBuffer(width: 10, height: 1)
        buffer.write("a\u{1B}[1mb\u{202E}🇯🇵", x: 0, y: 0)
        expectScreen(buffer, ["a[1mb🇯🇵"])
        #expect(buffer[5, 0].grapheme == "🇯")
        #expect(buffer[6, 0].grapheme == "🇵")
    }

    @Test func changesAreMinimalRuns() {
        var old = CellBuffer(width: 10, height: 2)
        old.write("hello", x: 0, y: 0)
        var new = old
        new.write("J", x: 0, y: 0)
        new.write("!", x: 9, y: 1)
        let runs = new.changes(since: old)
        #expect(runs == [CellRun(x: 0, y: 0, cells: [Cell("J")]), CellRun(x: 9, y: 1, cells: [Cell("!")])])
        #expect(new.changes(since: new).isEmpty)
    }

    @Test func changesNeverStartOnAContinuation() {
        var old = CellBuffer(width: 6, height: 1)
        old.write("日本", x: 0, y: 0)
        var new = old
        // Same grapheme, new style on the continuation only: the run must start at the wide cell.
        new.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.attributes.insert(.bold) }
        let runs = new.changes(since: old)
        #expect(runs.count == 1)
        #expect(runs.first?.x == 0)
        #expect(runs.first?.cells.first?.isContinuation == false)
        for run in runs { #expect(!run.cells[0].isContinuation) }
    }

    @Test func changesAfterResizeCoverEveryRow() {
        let old = CellBuffer(width: 3, height: 1)
        let new = CellBuffer(width: 4, height: 2)
        let runs = new.changes(since: old)
        #expect(runs.map(\.y) == [0, 1])
        #expect(runs.allSatisfy { $0.x == 0 && $0.cells.count == 4 })
    }

    @Test func styleCompositing() {
        let text = Style(foreground: .indexed(252), background: .indexed(235))
        let accent = Style(foreground: .indexed(214), background: .indexed(235), attributes: .bold)
        let selected = Style(foreground: .indexed(255), background: .indexed(24))
        #expect(selected.accented(by: accent) == Style(foreground: .indexed(214), background: .indexed(24), attributes: .bold))
        #expect(text.overlaid(by: Style(background: .indexed(236))) == Style(foreground: .indexed(252), background: .indexed(236)))
    }
}
