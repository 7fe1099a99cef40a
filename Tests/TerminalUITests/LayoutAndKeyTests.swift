import Testing
@testable import TerminalUI

@Suite struct LayoutAndKeyTests {
    @Test func sizesResolveFixedPercentThenFill() {
        #expect(LayoutSize.resolve([.fixed(3), .fill(1), .fixed(1)], total: 10) == [3, 6, 1])
        #expect(LayoutSize.resolve([.percent(50), .fill(1), .fill(2)], total: 20) == [10, 3, 7])
        #expect(LayoutSize.resolve([.fixed(8), .fixed(8)], total: 10) == [8, 2])
        #expect(LayoutSize.resolve([.fill(1)], total: 0) == [0])
    }

    @Test func rectSplits() {
        let screen = Rect(x: 0, y: 0, width: 80, height: 24)
        let parts = screen.rows([.fill(1), .fixed(1)])
        #expect(parts == [Rect(x: 0, y: 0, width: 80, height: 23), Rect(x: 0, y: 23, width: 80, height: 1)])
        let columns = Rect(x: 2, y: 1, width: 31, height: 5).equalColumns(3, gap: 2)
        #expect(columns.map(\.x) == [2, 13, 24])
        #expect(columns.map(\.width) == [9, 9, 9])
        #expect(columns.allSatisfy { $0.y == 1 && $0.height == 5 })
    }

    @Test func keyNamesForHelp() {
        #expect(KeyPress(.char("r"), .ctrl).description == "Ctrl-R")
        #expect(KeyPress(.up, [.shift, .ctrl]).description == "Ctrl-Shift-Up")
        #expect(KeyPress(.function(5)).description == "F5")
        #expect(KeyPress(.escape).description == "Esc")
        #expect(KeyPress(.char(" ")).description == "Space")
        #expect(KeyPress(.char("?")).description == "?")
    }

    @Test func parsingKeymapNames() {
        #expect(KeyPress(parsing: "ctrl-r") == KeyPress(.char("r"), .ctrl))
        #expect(KeyPress(parsing: "C-R") == KeyPress(.char("r"), .ctrl))
        #expect(KeyPress(parsing: "ctrl+shift+up") == KeyPress(.up, [.ctrl, .shift]))
        #expect(KeyPress(parsing: "Alt-Enter") == KeyPress(.enter, .alt))
        #expect(KeyPress(parsing: "pgdn") == KeyPress(.pageDown))
        #expect(KeyPress(parsing: "f12") == KeyPress(.function(12)))
        #expect(KeyPress(parsing: "ctrl--") == KeyPress(.char("-"), .ctrl))
        #expect(KeyPress(parsing: "?") == KeyPress(.char("?")))
        #expect(KeyPress(parsing: "hyper-x") == nil)
        #expect(KeyPress(parsing: "f99") == nil)
        #expect(KeyPress(parsing: "") == nil)
        for key in [KeyPress(.char("r"), .ctrl), KeyPress(.pageUp, .shift), KeyPress(.function(3), .alt), KeyPress(.char(" "))] {
            #expect(KeyPress(parsing: key.description) == key)
        }
    }
}
