import Foundation
import Providers

/// Parses the canonical text and reasoning lines this module writes, without a JSON parser:
/// `{"type":"text","run":3,"ms":120,"text":"…"}`. Anything else returns nil (callers fall back to `Codable`).
enum DeltaLineParser {
    // StaticStrings, not arrays: these are compared on every line of a file, and a static array
    // costs a lazy-initialisation check and a retain each time.
    private static var textHead: StaticString { #"{"type":"text","run":"# }
    private static var reasoningHead: StaticString { #"{"type":"reasoning","run":"# }
    private static var toolCallHead: StaticString { #"{"type":"tool_call","run":"# }
    private static var msKey: StaticString { #","ms":"# }
    private static var textKey: StaticString { #","text":""# }

    static func parse(_ line: UnsafeRawBufferPointer) -> SessionEvent? {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: "\n") || line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var i = 0
        let isText: Bool
        if starts(line, textHead, at: 0) {
            isText = true
            i = textHead.utf8CodeUnitCount
        } else if starts(line, reasoningHead, at: 0) {
            isText = false
            i = reasoningHead.utf8CodeUnitCount
        } else {
            return nil
        }
        guard let run = integer(line, &i, end), starts(line, msKey, at: i) else { return nil }
        i += msKey.utf8CodeUnitCount
        guard let ms = integer(line, &i, end), starts(line, textKey, at: i) else { return nil }
        i += textKey.utf8CodeUnitCount
        // The string body ends at the last `"`, which must be followed by the closing brace only.
        guard end - i >= 2, line[end - 1] == UInt8(ascii: "}"), line[end - 2] == UInt8(ascii: "\"") else { return nil }
        guard let text = JSONStringUnescaper.unescape(UnsafeRawBufferPointer(rebasing: line[i..<(end - 2)])) else { return nil }
        let delta = DeltaEvent(run: run, ms: ms, text: text)
        return isText ? .text(delta) : .reasoning(delta)
    }

    static func starts(_ line: UnsafeRawBufferPointer, _ head: StaticString, at offset: Int) -> Bool {
        let n = head.utf8CodeUnitCount
        guard offset >= 0, line.count - offset >= n, let base = line.baseAddress else { return n == 0 }
        return memcmp(base + offset, head.utf8Start, n) == 0
    }

    private static func integer(_ line: UnsafeRawBufferPointer, _ i: inout Int, _ end: Int) -> Int? {
        var negative = false
        if i < end, line[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let start = i
        var value = 0
        while i < end, line[i] >= 48, line[i] <= 57, i - start < 18 {
            value = value * 10 + Int(line[i] - 48)
            i += 1
        }
        guard i > start, i < end, line[i] < 48 || line[i] > 57 else { return nil }
        return negative ? -value : value
    }
}

extension DeltaLineParser {
    private static var runKey: StaticString { #"","run":"# }

    /// The run number of a canonical line (`{"type":"…","run":N`), read without parsing the rest.
    static func peekRun(_ line: UnsafeRawBufferPointer) -> Int? {
        // `{"type":"` is 9 bytes; the type name is short.
        var i = 9
        while i < line.count, i < 40, line[i] != UInt8(ascii: "\"") { i += 1 }
        guard starts(line, runKey, at: i) else { return nil }
        i += runKey.utf8CodeUnitCount
        return integer(line, &i, line.count)
    }

    /// The run of a canonical text, reasoning or tool-call line; nil for any other line.
    /// This is the test the index runs on nearly every line, so it is two `memcmp`s and a number.
    static func deltaRun(_ line: UnsafeRawBufferPointer) -> Int? {
        var i: Int
        if starts(line, textHead, at: 0) {
            i = textHead.utf8CodeUnitCount
        } else if starts(line, reasoningHead, at: 0) {
            i = reasoningHead.utf8CodeUnitCount
        } else if starts(line, toolCallHead, at: 0) {
            i = toolCallHead.utf8CodeUnitCount
        } else {
            return nil
        }
        return integer(line, &i, line.count)
    }
}
