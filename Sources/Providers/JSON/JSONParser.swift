import Foundation

/// A strict JSON parser (RFC 8259) whose errors say what was found and where, as `line:column`:
/// Foundation's parser does not give a position on Linux, and "not JSON at 1:41" is what a user needs.
public struct JSONParser {
    /// Why a text is not JSON, with the 1-based line and column of the problem.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var column: Int
        public var description: String { "\(message) at \(line):\(column)" }
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0

    private init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// Parses a whole text (surrounding whitespace allowed).
    public static func parse(_ text: String) throws(Failure) -> JSON {
        var parser = JSONParser(text)
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        if parser.index < parser.scalars.count { throw parser.fail("unexpected \(parser.describeCurrent()) after the value") }
        return value
    }

    private func position(_ at: Int) -> (Int, Int) {
        var line = 1, column = 1
        for i in 0..<min(at, scalars.count) {
            if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    private func fail(_ message: String, at: Int? = nil) -> Failure {
        let (line, column) = position(at ?? index)
        return Failure(message: message, line: line, column: column)
    }

    private func describeCurrent() -> String {
        guard index < scalars.count else { return "end of text" }
        let s = scalars[index]
        return s.value < 0x20 ? String(format: "control character U+%04X", s.value) : "'\(Character(s))'"
    }

    private mutating func skipSpace() {
        while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { index += 1 }
    }

    private mutating func value() throws(Failure) -> JSON {
        guard index < scalars.count else { throw fail("unexpected end of text") }
        switch scalars[index] {
        case "{": return try object()
        case "[": return try array()
        case "\"": return .string(try string())
        case "t": return try literal("true", .bool(true))
        case "f": return try literal("false", .bool(false))
        case "n": return try literal("null", .null)
        case "-", "0"..."9": return try number()
        default: throw fail("unexpected \(describeCurrent())")
        }
    }

    private mutating func literal(_ word: String, _ value: JSON) throws(Failure) -> JSON {
        for expected in word.unicodeScalars {
            guard index < scalars.count, scalars[index] == expected else { throw fail("unexpected \(describeCurrent())") }
            index += 1
        }
        return value
    }

    private mutating func nest() throws(Failure) {
        depth += 1
        if depth > 512 { throw fail("nested more than 512 deep") }
    }

    private mutating func object() throws(Failure) -> JSON {
        try nest()
        index += 1
        var pairs: [(key: String, value: JSON)] = []
        skipSpace()
        if index < scalars.count, scalars[index] == "}" {
            index += 1
            depth -= 1
            return .object(pairs)
        }
        while true {
            skipSpace()
            guard index < scalars.count, scalars[index] == "\"" else { throw fail("expected a key in quotes, found \(describeCurrent())") }
            let key = try string()
            skipSpace()
            guard index < scalars.count, scalars[index] == ":" else { throw fail("expected ':' after a key, found \(describeCurrent())") }
            index += 1
            skipSpace()
            pairs.append((key, try value()))
            skipSpace()
            guard index < scalars.count else { throw fail("unexpected end of text: an object is not closed") }
            if scalars[index] == "," { index += 1; continue }
            if scalars[index] == "}" { index += 1; break }
            throw fail("expected ',' or '}', found \(describeCurrent())")
        }
        depth -= 1
        return .object(pairs)
    }

    private mutating func array() throws(Failure) -> JSON {
        try nest()
        index += 1
        var items: [JSON] = []
        skipSpace()
        if index < scalars.count, scalars[index] == "]" {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard index < scalars.count else { throw fail("unexpected end of text: an array is not closed") }
            if scalars[index] == "," { index += 1; continue }
            if scalars[index] == "]" { index += 1; break }
            throw fail("expected ',' or ']', found \(describeCurrent())")
        }
        depth -= 1
        return .array(items)
    }

    private mutating func string() throws(Failure) -> String {
        let start = index
        index += 1
        var out = String.UnicodeScalarView()
        while true {
            guard index < scalars.count else { throw fail("unexpected end of text: a string is not closed", at: start) }
            let s = scalars[index]
            if s == "\"" { index += 1; return String(out) }
            if s.value < 0x20 { throw fail("unexpected \(describeCurrent()) in a string") }
            if s != "\\" { out.append(s); index += 1; continue }
            index += 1
            guard index < scalars.count else { throw fail("unexpected end of text") }
            let e = scalars[index]
            index += 1
            switch e {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "/": out.append("/")
            case "b": out.append("\u{8}")
            case "f": out.append("\u{C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "u":
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" {
                    index += 2
                    let low = try hex4()
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default:
                index -= 1
                throw fail("unknown escape \\\(Character(e))")
            }
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard index < scalars.count, let digit = Character(scalars[index]).hexDigitValue else { throw fail("expected 4 hex digits after \\u") }
            code = code * 16 + UInt32(digit)
            index += 1
        }
        return code
    }

    private mutating func number() throws(Failure) -> JSON {
        let start = index
        if scalars[index] == "-" { index += 1 }
        func digits() -> Int {
            let from = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            return index - from
        }
        let intStart = index
        guard digits() > 0 else { throw fail("expected a digit, found \(describeCurrent())") }
        if scalars[intStart] == "0", index - intStart > 1 { throw fail("a number may not start with 0", at: intStart) }
        if index < scalars.count, scalars[index] == "." {
            index += 1
            guard digits() > 0 else { throw fail("expected a digit after '.', found \(describeCurrent())") }
        }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            index += 1
            if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
            guard digits() > 0 else { throw fail("expected a digit in the exponent, found \(describeCurrent())") }
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<index])
        return .number(Double(String(text)) ?? 0)
    }
}
