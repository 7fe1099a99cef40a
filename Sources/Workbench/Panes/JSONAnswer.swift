import Foundation
import Providers
import TerminalUI

/// An answer as indented JSON lines, each a list of coloured pieces. Pure: the response pane draws them.
/// Every string and key is written JSON-escaped, so control characters and escape sequences in model
/// output arrive as inert `\u001b` text, never as bytes for the terminal.
enum JSONAnswer {
    /// One piece of a line: its text and how it is coloured.
    struct Piece: Equatable {
        var text: String
        var role: ThemeRole
    }

    /// The answer parsed as one JSON value, or the parser's error as text.
    static func parse(_ answer: String) -> Result<JSON, JSONParseFailureText> {
        do { return .success(try JSONParser.parse(answer)) } catch { return .failure(JSONParseFailureText(text: error.description)) }
    }

    /// The lines of `value`, indented by two spaces, keys in the answer's order.
    static func lines(_ value: JSON) -> [[Piece]] {
        var out: [[Piece]] = []
        emit(value, indent: 0, prefix: [], suffix: "", into: &out)
        return out
    }

    private static func emit(_ value: JSON, indent: Int, prefix: [Piece], suffix: String, into out: inout [[Piece]]) {
        let pad = Piece(text: String(repeating: "  ", count: indent), role: .jsonPunctuation)
        let tail = suffix.isEmpty ? [] : [Piece(text: suffix, role: .jsonPunctuation)]
        switch value {
        case .object(let pairs) where !pairs.isEmpty:
            out.append([pad] + prefix + [Piece(text: "{", role: .jsonPunctuation)])
            for (i, pair) in pairs.enumerated() {
                let key = [Piece(text: JSON.string(pair.key).text, role: .jsonKey), Piece(text: ": ", role: .jsonPunctuation)]
                emit(pair.value, indent: indent + 1, prefix: key, suffix: i < pairs.count - 1 ? "," : "", into: &out)
            }
            out.append([pad, Piece(text: "}", role: .jsonPunctuation)] + tail)
        case .array(let items) where !items.isEmpty:
            out.append([pad] + prefix + [Piece(text: "[", role: .jsonPunctuation)])
            for (i, item) in items.enumerated() {
                emit(item, indent: indent + 1, prefix: [], suffix: i < items.count - 1 ? "," : "", into: &out)
            }
            out.append([pad, Piece(text: "]", role: .jsonPunctuation)] + tail)
        default:
            out.append([pad] + prefix + [scalar(value)] + tail)
        }
    }

    private static func scalar(_ value: JSON) -> Piece {
        switch value {
        case .string: Piece(text: value.text, role: .jsonString)
        case .number: Piece(text: value.text, role: .jsonNumber)
        case .bool, .null: Piece(text: value.text, role: .jsonLiteral)
        case .object: Piece(text: "{}", role: .jsonPunctuation)
        case .array: Piece(text: "[]", role: .jsonPunctuation)
        }
    }
}

/// Why an answer is not JSON, as text (`unexpected 'Y' at 1:1`).
struct JSONParseFailureText: Error, Equatable, CustomStringConvertible {
    var text: String
    var description: String { text }
}
