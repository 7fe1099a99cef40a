import Testing
import TerminalUI

/// Compares a rendered buffer with literal lines (trailing spaces ignored, missing lines count as
/// empty) and, when they differ, records an issue that shows both screens side by side with row
/// numbers. `cursor`, when given, must be where the buffer puts the terminal cursor.
public func expectScreen(
    _ buffer: CellBuffer,
    _ lines: [String],
    cursor: (x: Int, y: Int)? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if let report = ScreenComparison.mismatch(buffer, lines, cursor: cursor) {
        Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
    }
}

/// Expects the buffer to hide the terminal cursor.
public func expectCursorHidden(_ buffer: CellBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
    if let c = buffer.cursor {
        Issue.record(Comment(rawValue: "expected no cursor, but it is at (\(c.x), \(c.y))"), sourceLocation: sourceLocation)
    }
}

/// The pure part of `expectScreen`: builds the failure picture, nil when the screen matches.
public enum ScreenComparison {
    public static func mismatch(_ buffer: CellBuffer, _ expected: [String], cursor: (x: Int, y: Int)? = nil) -> String? {
        let actual = buffer.lines
        let wanted = (0..<max(actual.count, expected.count)).map { i in
            i < expected.count ? trimmed(expected[i]) : ""
        }
        let have = (0..<wanted.count).map { i in i < actual.count ? actual[i] : "" }
        let cursorWrong: Bool = {
            guard let cursor else { return false }
            guard let c = buffer.cursor else { return true }
            return c.x != cursor.x || c.y != cursor.y
        }()
        guard wanted != have || expected.count > buffer.height || cursorWrong else { return nil }

        var out = "screen differs (expected | actual), \(buffer.width)×\(buffer.height):\n"
        out += framed(wanted, have, width: buffer.width, cursorWanted: cursor, cursorActual: buffer.cursor)
        if expected.count > buffer.height {
            out += "expected \(expected.count) lines, the buffer has \(buffer.height)\n"
        }
        if cursorWrong {
            let want = cursor.map { "(\($0.x), \($0.y))" } ?? "anywhere"
            let got = buffer.cursor.map { "(\($0.x), \($0.y))" } ?? "hidden"
            out += "cursor: expected \(want), actual \(got)\n"
        }
        return out
    }

    /// Two pictures framed side by side; rows that differ are marked with `≠`.
    static func framed(_ left: [String], _ right: [String], width: Int, cursorWanted: (x: Int, y: Int)?, cursorActual: (x: Int, y: Int)?) -> String {
        let numberWidth = String(max(0, left.count - 1)).count
        let leftWidth = max(width, left.map { TextWidth.of($0) }.max() ?? 0)
        let rightWidth = max(width, right.map { TextWidth.of($0) }.max() ?? 0)
        let gutter = String(repeating: " ", count: numberWidth + 1)
        var out = gutter + "┌" + String(repeating: "─", count: leftWidth) + "┐ ┌" + String(repeating: "─", count: rightWidth) + "┐\n"
        for i in 0..<left.count {
            let n = String(i)
            let number = String(repeating: " ", count: numberWidth - n.count) + n
            let mark = left[i] == right[i] ? "" : " ≠"
            out += number + " │" + pad(left[i], leftWidth) + "│ │" + pad(right[i], rightWidth) + "│" + mark + "\n"
        }
        out += gutter + "└" + String(repeating: "─", count: leftWidth) + "┘ └" + String(repeating: "─", count: rightWidth) + "┘\n"
        return out
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - TextWidth.of(s)))
    }

    private static func trimmed(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
