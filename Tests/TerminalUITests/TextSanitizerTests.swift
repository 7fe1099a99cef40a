import Platform
import Testing
@testable import TerminalUI

/// Fails if `text` holds anything that could act on a terminal.
private func expectInert(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for scalar in text.unicodeScalars {
        let v = scalar.value
        let bad = (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) || BidiControl.isBidiControl(scalar)
            || v == 0x200D || v == 0xFE0F || !(TextWidth.isPrintable(scalar) || v == 0x0A || v == 0x09)
        #expect(!bad, "U+\(String(v, radix: 16, uppercase: true)) survived in \(text.debugDescription)", sourceLocation: sourceLocation)
    }
    for byte in text.utf8 where byte < 0x20 {
        #expect(byte == 0x0A || byte == 0x09, sourceLocation: sourceLocation)
    }
}

/// The inert parts of a sanitised text, as strings.
private func inertParts(_ s: SanitizedText) -> [String] {
    let bytes = Array(s.text.utf8)
    return s.inertRanges.map { String(decoding: bytes[$0], as: UTF8.self) }
}

@Suite struct TextSanitizerTests {
    @Test func plainTextComesBackUnchanged() {
        let text = "Hello, 世界! e\u{301} 😀\ttab\nnext line"
        let out = TextSanitizer.sanitize(text)
        #expect(out.text == text)
        #expect(out.inertRanges.isEmpty)
        #expect(TextSanitizer.isClean(text))
    }

    @Test func csiClearScreenIsShownWhole() {
        let out = TextSanitizer.sanitize("a\u{1B}[2Jb")
        #expect(out.text == "a␛[2Jb")
        #expect(inertParts(out) == ["␛[2J"])
        expectInert(out.text)
    }

    @Test func oscTitleUpToBel() {
        let out = TextSanitizer.sanitize("\u{1B}]0;pwned\u{07}after")
        #expect(out.text == "␛]0;pwned␇after")
        #expect(inertParts(out) == ["␛]0;pwned␇"])
        expectInert(out.text)
    }

    @Test func osc52ClipboardUpToST() {
        let out = TextSanitizer.sanitize("x\u{1B}]52;c;SGVsbG8=\u{1B}\\y")
        #expect(out.text == "x␛]52;c;SGVsbG8=␛\\y")
        #expect(inertParts(out) == ["␛]52;c;SGVsbG8=␛\\"])
        expectInert(out.text)
    }

    @Test func osc8HyperlinkKeepsTheVisibleText() {
        let out = TextSanitizer.sanitize("\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\")
        #expect(out.text == "␛]8;;https://evil.example␛\\click␛]8;;␛\\")
        #expect(inertParts(out) == ["␛]8;;https://evil.example␛\\", "␛]8;;␛\\"])
        expectInert(out.text)
    }

    @Test func c1ControlsAreShownInTheir7BitForm() {
        let out = TextSanitizer.sanitize("\u{9B}31mred\u{9D}0;t\u{9C}\u{85}")
        #expect(out.text == "␛[31mred␛]0;t␛\\␛E")
        #expect(inertParts(out) == ["␛[31m", "␛]0;t␛\\␛E"])
        expectInert(out.text)
    }

    @Test func bidiControlsBecomeMarkers() {
        let out = TextSanitizer.sanitize("abc\u{202E}def\u{2066}x\u{2069}\u{200F}")
        #expect(out.text == "abc⟦RLO⟧def⟦LRI⟧x⟦PDI⟧⟦RLM⟧")
        #expect(inertParts(out) == ["⟦RLO⟧", "⟦LRI⟧", "⟦PDI⟧⟦RLM⟧"])
        expectInert(out.text)
    }

    @Test func otherControlsBecomeControlPictures() {
        let out = TextSanitizer.sanitize("a\u{07}b\u{08}c\u{7F}d\u{00}e\u{0C}f\u{0B}")
        #expect(out.text == "a␇b␈c␡d␀e␌f␋")
        expectInert(out.text)
    }

    @Test func dcsAndTwoByteEscapes() {
        let out = TextSanitizer.sanitize("\u{1B}P1$r0m\u{1B}\\\u{1B}c\u{1B}(B\u{1B}7")
        #expect(out.text == "␛P1$r0m␛\\␛c␛(B␛7")
        #expect(inertParts(out) == ["␛P1$r0m␛\\␛c␛(B␛7"])
    }

    @Test func carriageReturns() {
        #expect(TextSanitizer.sanitize("a\r\nb").text == "a\nb")
        let lone = TextSanitizer.sanitize("progress 10%\rprogress 20%")
        #expect(lone.text == "progress 10%␍progress 20%")
        #expect(inertParts(lone) == ["␍"])
    }

    @Test func unterminatedOscStopsAtTheNewline() {
        let out = TextSanitizer.sanitize("\u{1B}]0;title\nnext line")
        #expect(out.text == "␛]0;title\nnext line")
        #expect(inertParts(out) == ["␛]0;title"])
    }

    @Test func joinersAndSeparatorsAreNormalised() {
        #expect(TextSanitizer.sanitize("❤\u{FE0F}").text == "❤")
        #expect(TextSanitizer.sanitize("a\u{2028}b\u{2029}c").text == "a\nb\nc")
        #expect(TextSanitizer.sanitize("\u{378}").text == "\u{FFFD}")
    }

    @Test func plainSanitizedIsTheSameText() {
        #expect(TextSanitizer.plainSanitized("x\u{1B}[1;31mred\u{1B}[0m") == "x␛[1;31mred␛[0m")
    }

    @Test func randomHostileInputNeverSurvives() {
        let pieces: [String] = [
            "a", "日", "😀", "e\u{301}", "\u{1B}", "[", "]", "0;", "\u{07}", "\\", "\u{9B}", "\u{9D}", "\u{9C}", "\u{85}",
            "\u{202E}", "\u{2066}", "\u{200D}", "\u{FE0F}", "\r", "\n", "\t", "\u{7F}", "\u{00}", "P", "2J", "\u{378}", " ",
        ]
        var rng = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let count = Int.random(in: 0..<40, using: &rng)
            let text = (0..<count).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
            let out = TextSanitizer.sanitize(text)
            expectInert(out.text)
            // Nothing visible is lost: every printable scalar of the input is still there, in order.
            let kept = text.unicodeScalars.filter {
                TextWidth.isPrintable($0) && !BidiControl.isBidiControl($0) && ![0x200D, 0xFE0F, 0x2028, 0x2029].contains($0.value)
            }
            var it = out.text.unicodeScalars.makeIterator()
            var missing: [Unicode.Scalar] = []
            for scalar in kept {
                var found = false
                while let next = it.next() { if next == scalar { found = true; break } }
                if !found { missing.append(scalar) }
            }
            #expect(missing.isEmpty, "lost \(missing) from \(text.debugDescription)")
            for r in out.inertRanges {
                #expect(r.lowerBound < r.upperBound && r.upperBound <= out.text.utf8.count)
            }
        }
    }

    @Test func streamJoinsSequencesSplitAcrossPieces() {
        let whole = "ok \u{1B}]0;a title\u{07} then \u{1B}[2J done\r\nnext \u{9B}1m"
        let expected = TextSanitizer.sanitize(whole)
        let bytes = Array(whole.unicodeScalars)
        var rng = SplitMix64(seed: 7)
        for _ in 0..<100 {
            var stream = StreamSanitizer()
            var joined = SanitizedText(text: "")
            var i = 0
            while i < bytes.count {
                let n = Int.random(in: 1...5, using: &rng)
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: bytes[i..<min(bytes.count, i + n)])
                joined.append(stream.feed(String(piece)))
                i += n
            }
            joined.append(stream.finish())
            #expect(joined == expected)
        }
    }

    @Test func streamReleasesAnEndlessSequence() {
        var stream = StreamSanitizer(maxHeldBytes: 8)
        let first = stream.feed("\u{1B}]0;")
        #expect(first.text == "")
        let second = stream.feed("a very long title with no end")
        #expect(second.text == "␛]0;a very long title with no end")
    }
}
