/// The deterministic text the fault server streams, so tests can predict every byte.
public enum FaultText {
    private static let words = ["The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog."]

    /// Token `index` of the ordinary answer (a pangram, repeated; a newline after every ninth token).
    public static func token(_ index: Int) -> String {
        let word = words[index % words.count]
        let first = index > 0 && index % words.count == 0
        return first ? "\n" + word : word
    }

    /// The first `count` tokens joined: exactly the text an `ok` answer of `count` tokens carries.
    public static func answer(tokens count: Int) -> String {
        (0..<max(count, 0)).map(token).joined()
    }

    /// Reasoning token `index` (before the answer when `reasoning=N` is given).
    public static func reasoningToken(_ index: Int) -> String { index == 0 ? "Thinking" : " step \(index)" }

    /// The first `count` reasoning tokens joined.
    public static func reasoning(tokens count: Int) -> String {
        (0..<max(count, 0)).map(reasoningToken).joined()
    }

    /// Tokens of the `invalid-utf8` answer: valid text around a stray 0xFF, a lone continuation byte,
    /// a truncated three-byte sequence and an overlong encoding.
    static let invalidUTF8Tokens: [[UInt8]] = [
        Array("valid start, ".utf8), [0xFF], Array(" lone continuation ".utf8), [0x80],
        Array(" truncated ".utf8), [0xE2, 0x82], Array(" overlong ".utf8), [0xC0, 0xAF], Array(" end.".utf8),
    ]

    /// Tokens of the `hostile` answer: escape sequences and controls that must stay inert on screen.
    static let hostileTokens: [String] = [
        "Clear screen:\u{1B}[2J\u{1B}[H|\n",
        "Cursor moves:\u{1B}[10;10H\u{1B}[5A\u{1B}[3C\u{1B}7\u{1B}8|\n",
        "OSC 0 title:\u{1B}]0;pwned title\u{07}|\n",
        "OSC 2 title:\u{1B}]2;another title\u{1B}\\|\n",
        "OSC 52 clipboard:\u{1B}]52;c;cm0gLXJmIH4K\u{07}|\n",
        "OSC 8 link:\u{1B}]8;;https://example.invalid/\u{07}click me\u{1B}]8;;\u{07}|\n",
        "SGR colours:\u{1B}[31;1;5mred blink\u{1B}[0m|\n",
        "Alternate screen:\u{1B}[?1049h\u{1B}[?1049l|\n",
        "Full reset:\u{1B}c|\n",
        "C0:\u{00}\u{01}\u{07}\u{08}\u{0B}\u{0C}\r\u{0E}\u{0F}\u{1A}\u{7F}|\n",
        "C1:\u{80}\u{85}\u{8D}\u{90}\u{9B}31m\u{9D}0;c1 title\u{9C}\u{9F}|\n",
        "Bidi:\u{202E}gnp.exe\u{202C} \u{2066}isolate\u{2069} \u{200F}rlm\u{200E} \u{061C}alm|\n",
        "Zero width:a\u{200B}b\u{200D}c\u{FEFF}d|\n",
        "Tab\tand line separator\u{2028}and paragraph separator\u{2029}|\n",
    ]

    /// One line of 100,000 characters (plus its newline), as 100 tokens.
    static let longLineTokens: [String] = {
        let block = String(repeating: "0123456789", count: 100)
        return (0..<100).map { $0 == 99 ? block + "\n" : block }
    }()

    /// 10,000 short lines, as 100 tokens of 100 lines.
    static let manyLinesTokens: [String] = (0..<100).map { chunk in
        (0..<100).map { line in "line \(chunk * 100 + line + 1)\n" }.joined()
    }

    /// Token `index` of a large answer: a numbered line of exactly 1,024 bytes.
    static func largeToken(_ index: Int) -> [UInt8] {
        var line = largeLineTemplate
        let number = Array("line \(index): ".utf8)
        line.withUnsafeMutableBufferPointer { target in
            number.withUnsafeBufferPointer { source in
                for i in 0..<min(source.count, 1000) { target[i] = source[i] }
            }
        }
        return line
    }

    /// 1,023 bytes of filler and a newline; `largeToken` writes the line number over its start.
    private static let largeLineTemplate: [UInt8] = {
        let filler = Array("the quick brown fox jumps over the lazy dog ".utf8)
        return (0..<1023).map { filler[$0 % filler.count] } + [0x0A]
    }()
}
