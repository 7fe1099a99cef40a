import Foundation
import Providers

/// A simple JSON path: `$`, then `.name`, `["name"]` and `[index]` steps (`$.items[0].id`). Enough for
/// checking one field of an answer; filters and wildcards are left out on purpose.
public struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    /// One step down.
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    public let steps: [Step]
    public let description: String

    /// Parses a path; the error says what is wrong and at which character.
    public init(_ text: String) throws(CheckSetupError) {
        description = text
        let chars = Array(text)
        guard chars.first == "$" else { throw CheckSetupError("a JSON path starts with $ (e.g. $.a.b[0]), got \"\(text)\"") }
        var steps: [Step] = []
        var i = 1
        func bad(_ what: String) -> CheckSetupError { CheckSetupError("bad JSON path \"\(text)\" at character \(i + 1): \(what)") }
        while i < chars.count {
            if chars[i] == "." {
                i += 1
                let start = i
                while i < chars.count, chars[i] != ".", chars[i] != "[" { i += 1 }
                guard i > start else { throw bad("expected a name after '.'") }
                steps.append(.key(String(chars[start..<i])))
            } else if chars[i] == "[" {
                i += 1
                if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                    let quote = chars[i]
                    i += 1
                    let start = i
                    while i < chars.count, chars[i] != quote { i += 1 }
                    guard i < chars.count else { throw bad("the quoted name is not closed") }
                    steps.append(.key(String(chars[start..<i])))
                    i += 1
                } else {
                    let start = i
                    while i < chars.count, chars[i].isNumber { i += 1 }
                    guard i > start, let n = Int(String(chars[start..<i])) else { throw bad("expected an index or a quoted name") }
                    steps.append(.index(n))
                }
                guard i < chars.count, chars[i] == "]" else { throw bad("expected ']'") }
                i += 1
            } else {
                throw bad("expected '.' or '['")
            }
        }
        self.steps = steps
    }

    /// The value at this path, or a reason it is not there ("no key email in $.user").
    public func value(in root: JSON) -> Result<JSON, Missing> {
        var current = root
        var walked = "$"
        for step in steps {
            switch step {
            case .key(let name):
                guard case .object = current else { return .failure(Missing("\(walked) is \(current.typeName), not an object")) }
                guard let next = current[name] else { return .failure(Missing("no key \(name) in \(walked)")) }
                current = next
                walked += ".\(name)"
            case .index(let n):
                guard case .array(let items) = current else { return .failure(Missing("\(walked) is \(current.typeName), not an array")) }
                guard n < items.count else { return .failure(Missing("\(walked) has \(items.count) item(s), no [\(n)]")) }
                current = items[n]
                walked += "[\(n)]"
            }
        }
        return .success(current)
    }

    /// Why a path found nothing.
    public struct Missing: Error, Sendable, Equatable {
        public let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
