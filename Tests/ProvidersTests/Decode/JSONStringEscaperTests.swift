import Foundation
import Testing
@testable import Providers

/// The one JSON string escaper: what it escapes, and that every string comes back the same through a JSON parser.
@Suite struct JSONStringEscaperTests {
    @Test func escapesWhatJSONAndLineReadersNeedAndNothingElse() {
        #expect(JSONStringEscaper.quoted("a\"b\\c\nd\re\tf\u{08}\u{0C}") == #""a\"b\\c\nd\re\tf\b\f""#)
        #expect(JSONStringEscaper.quoted("\u{01}\u{1F}\u{7F}") == #""\u0001\u001f\u007f""#)
        #expect(JSONStringEscaper.quoted("x\u{2028}y\u{2029}z") == #""x\u2028y\u2029z""#)
        #expect(JSONStringEscaper.quoted("é — 👋 \u{2027}") == "\"é — 👋 \u{2027}\"")
        #expect(JSONStringEscaper.quoted("") == "\"\"")
    }

    @Test func everyEscapedStringParsesBackToItself() throws {
        var random = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = (0...0x7F).compactMap(Unicode.Scalar.init) + ["é", "\u{2028}", "\u{2029}", "\u{E2}", "👋"]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &random) { text.unicodeScalars.append(alphabet.randomElement(using: &random)!) }
            let json = Data("[\(JSONStringEscaper.quoted(text))]".utf8)
            let parsed = try #require(try JSONSerialization.jsonObject(with: json) as? [String])
            #expect(parsed == [text], "\(Array(text.unicodeScalars))")
        }
    }
}
