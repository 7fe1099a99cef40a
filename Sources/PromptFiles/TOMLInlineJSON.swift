import Foundation
import Providers

/// Reads one TOML value from source text as `JSON`, keeping the order keys are written in (the TOML
/// library gives tables back sorted; a schema's property order matters). Used for `schema = { ... }`,
/// after the whole file has already parsed as TOML, so it only needs to tell the value's parts apart
/// and where it ends; anything with no JSON equivalent (dates, inf, nan) is refused.
struct TOMLInlineJSON {
    /// Why a value cannot become JSON.
    struct Failure: Error { var message: String }

    private let s: [Unicode.Scalar]
    private(set) var i: Int

    init(_ text: Substring) {
        s = Array(text.unicodeScalars)
        i = 0
    }

    /// The value at the start of `text` (after `key =`), and how many characters of source it took.
    static func read(_ text: Substring) throws(Failure) -> (value: JSON, source: String) {
        var reader = TOMLInlineJSON(text)
        let value = try reader.value()
        var source = String.UnicodeScalarView()
        source.append(contentsOf: reader.s[0..<reader.i])
        return (value, String(source))
    }

    private var current: Unicode.Scalar? { i < s.count ? s[i] : nil }
    private func peek(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return i + scalars.count <= s.count && Array(s[i..<i + scalars.count]) == scalars
    }

    /// Spaces, and in arrays also newlines and comments.
    private mutating func skip(newlines: Bool) {
        while let c = current {
            if c == " " || c == "\t" { i += 1 } else if newlines && (c == "\n" || c == "\r") { i += 1 } else if newlines && c == "#" {
                while let d = current, d != "\n" { i += 1 }
            } else { return }
        }
    }

    private mutating func value() throws(Failure) -> JSON {
        skip(newlines: false)
        guard let c = current else { throw Failure(message: "expected a value") }
        switch c {
        case "{": return try table()
        case "[": return try array()
        case "\"", "'": return .string(try string())
        case "t" where peek("true"): i += 4; return .bool(true)
        case "f" where peek("false"): i += 5; return .bool(false)
        default: return try number()
        }
    }

    private mutating func table() throws(Failure) -> JSON {
        i += 1
        var pairs: [(key: String, value: JSON)] = []
        skip(newlines: true)
        if current == "}" { i += 1; return .object(pairs) }
        while true {
            skip(newlines: true)
            var path = [try key()]
            skip(newlines: false)
            while current == "." {
                i += 1
                skip(newlines: false)
                path.append(try key())
                skip(newlines: false)
            }
            guard current == "=" else { throw Failure(message: "expected = after a key") }
            i += 1
            let v = try value()
            Self.insert(v, at: path[...], into: &pairs)
            skip(newlines: true)
            if current == "," { i += 1; continue }
            if current == "}" { i += 1; return .object(pairs) }
            throw Failure(message: "expected , or } in an inline table")
        }
    }

    /// Dotted keys (`a.b = 1`) build nested objects, merged with an earlier `a` in place.
    private static func insert(_ value: JSON, at path: ArraySlice<String>, into pairs: inout [(key: String, value: JSON)]) {
        guard let first = path.first else { return }
        if path.count == 1 { pairs.append((first, value)); return }
        if let index = pairs.firstIndex(where: { $0.key == first }), case .object(var inner) = pairs[index].value {
            insert(value, at: path.dropFirst(), into: &inner)
            pairs[index].value = .object(inner)
        } else {
            var inner: [(key: String, value: JSON)] = []
            insert(value, at: path.dropFirst(), into: &inner)
            pairs.append((first, .object(inner)))
        }
    }

    private mutating func key() throws(Failure) -> String {
        if current == "\"" || current == "'" { return try string() }
        var out = String.UnicodeScalarView()
        while let c = current, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" {
            out.append(c)
            i += 1
        }
        guard !out.isEmpty else { throw Failure(message: "expected a key") }
        return String(out)
    }

    private mutating func array() throws(Failure) -> JSON {
        i += 1
        var items: [JSON] = []
        while true {
            skip(newlines: true)
            if current == "]" { i += 1; return .array(items) }
            items.append(try value())
            skip(newlines: true)
            if current == "," { i += 1; continue }
            if current == "]" { i += 1; return .array(items) }
            throw Failure(message: "expected , or ] in an array")
        }
    }

    private mutating func string() throws(Failure) -> String {
        let quote = s[i]
        let multi = peek(quote == "\"" ? "\"\"\"" : "'''")
        i += multi ? 3 : 1
        if multi {
            // A newline right after the opening quotes is not part of the value.
            if peek("\r\n") { i += 2 } else if current == "\n" { i += 1 }
        }
        var out = String.UnicodeScalarView()
        while let c = current {
            if c == quote {
                if !multi { i += 1; return String(out) }
                if peek(String(repeating: String(quote), count: 3)) {
                    // Up to two more quotes belong to the value (`""""` ends with one quote in it).
                    var run = 0
                    while i + run < s.count, s[i + run] == quote { run += 1 }
                    for _ in 0..<max(0, run - 3) { out.append(quote) }
                    i += run
                    return String(out)
                }
            }
            if c == "\\" && quote == "\"" {
                i += 1
                guard let e = current else { break }
                i += 1
                switch e {
                case "b": out.append("\u{8}")
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "f": out.append("\u{C}")
                case "r": out.append("\r")
                case "e": out.append("\u{1B}")
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "u", "U":
                    let count = e == "u" ? 4 : 8
                    guard i + count <= s.count else { throw Failure(message: "a \\\(e) escape is cut short") }
                    let hex = String(String.UnicodeScalarView(s[i..<i + count]))
                    guard let n = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(n) else { throw Failure(message: "\\\(e)\(hex) is not a character") }
                    out.append(scalar)
                    i += count
                case let w where multi && (w == "\n" || w == " " || w == "\t" || w == "\r"):
                    // A line-ending backslash drops the newline and the spaces after it.
                    while let w = current, w == " " || w == "\t" || w == "\n" || w == "\r" { i += 1 }
                default: throw Failure(message: "\\\(e) is not an escape")
                }
                continue
            }
            if c == "\n" && !multi { break }
            out.append(c)
            i += 1
        }
        throw Failure(message: "a string is not closed")
    }

    private mutating func number() throws(Failure) -> JSON {
        var text = ""
        while let c = current, !(c == "," || c == "]" || c == "}" || c == " " || c == "\t" || c == "\n" || c == "\r" || c == "#") {
            text.unicodeScalars.append(c)
            i += 1
        }
        let plain = text.replacingOccurrences(of: "_", with: "")
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where plain.hasPrefix(prefix) {
            guard let n = Int(plain.dropFirst(2), radix: radix) else { break }
            return .number(Double(n))
        }
        if let n = Int(plain) { return .number(Double(n)) }
        if let d = Double(plain), d.isFinite, plain.first != "+" || plain.count > 1, !plain.lowercased().contains("inf"), !plain.lowercased().contains("nan") {
            return .number(d)
        }
        throw Failure(message: text.isEmpty ? "expected a value" : "\(text) has no JSON equivalent (a date, inf or nan)")
    }
}
