import RefractTestSupport
import Testing
@testable import TerminalUI

@Suite struct ScreenAssertTests {
    @Test func matchingScreenHasNoReport() {
        var buffer = CellBuffer(width: 6, height: 2)
        buffer.write("日本", x: 0, y: 0)
        buffer.cursor = (2, 1)
        #expect(ScreenComparison.mismatch(buffer, ["日本   "], cursor: (2, 1)) == nil)
        expectScreen(buffer, ["日本", ""], cursor: (2, 1))
    }

    @Test func mismatchShowsBothScreensFramed() throws {
        var buffer = CellBuffer(width: 5, height: 2)
        buffer.write("hullo", x: 0, y: 0)
        let report = try #require(ScreenComparison.mismatch(buffer, ["hello"]))
        #expect(report == """
            screen differs (expected | actual), 5×2:
              ┌─────┐ ┌─────┐
            0 │hello│ │hullo│ ≠
            1 │     │ │     │
              └─────┘ └─────┘

            """)
    }

    @Test func cursorMismatchIsReported() throws {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.cursor = (1, 0)
        let report = try #require(ScreenComparison.mismatch(buffer, [""], cursor: (2, 0)))
        #expect(report.hasSuffix("cursor: expected (2, 0), actual (1, 0)\n"))
        buffer.cursor = nil
        let hidden = try #require(ScreenComparison.mismatch(buffer, [""], cursor: (0, 0)))
        #expect(hidden.contains("actual hidden"))
        expectCursorHidden(buffer)
    }

    @Test func tooManyExpectedLinesIsAMismatch() {
        let buffer = CellBuffer(width: 3, height: 1)
        #expect(ScreenComparison.mismatch(buffer, ["", ""]) != nil)
    }
}
