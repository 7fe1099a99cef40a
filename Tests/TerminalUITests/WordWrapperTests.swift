import Platform
import Testing
@testable import TerminalUI

@Suite struct WordWrapperTests {
    private func rows(_ text: String, _ width: Int) -> [String] {
        WordWrapper(width: width).wrappedStrings(text)
    }

    @Test func breaksAtSpacesAndHangsTheSpace() {
        #expect(rows("hello world foo", 5) == ["hello ", "world ", "foo"])
        #expect(WordWrapper(width: 5).wrap("hello world").map(\.width) == [5, 5])
        #expect(rows("the quick brown fox", 10) == ["the quick ", "brown fox"])
    }

    @Test func hardBreaksWordsLongerThanTheWidth() {
        #expect(rows("abcdefgh", 3) == ["abc", "def", "gh"])
        #expect(rows("ab cdefgh", 5) == ["ab ", "cdefg", "h"])
    }

    @Test func wideCharactersNeverStraddleTheEdge() {
        #expect(rows("ab日本", 3) == ["ab", "日", "本"])
        #expect(WordWrapper(width: 3).wrap("ab日本").map(\.width) == [2, 2, 2])
        #expect(rows("日本語のテキスト", 5) == ["日本", "語の", "テキ", "スト"])
        // Too wide for the row at all: alone on its row rather than lost.
        #expect(rows("日x", 1) == ["日", "x"])
    }

    @Test func combiningMarksStayWithTheirBase() {
        let e = "e\u{301}"
        #expect(rows(e + e + e, 2) == [e + e, e])
        #expect(rows("👨\u{200D}👩\u{200D}👧 ok", 6) == ["👨\u{200D}👩\u{200D}👧 ", "ok"])
    }

    @Test func newlinesAreHardBreaks() {
        let lines = WordWrapper(width: 10).wrap("a\n\nb")
        #expect(lines.map(\.range) == [0..<1, 2..<2, 3..<4])
        #expect(lines.map(\.endsParagraph) == [true, true, true])
        #expect(rows("a\r\nb", 10) == ["a", "b"])
        #expect(rows("", 10) == [""])
        #expect(rows("x\n", 10) == ["x", ""])
    }

    @Test func trailingAndLeadingSpaces() {
        #expect(rows("ab   ", 3) == ["ab   "])
        #expect(WordWrapper(width: 3).wrap("ab   ")[0].width == 3)
        #expect(rows("ab   c", 3) == ["ab   ", "c"])
        // Indentation at a paragraph start is content, not a place to break.
        #expect(rows("  abc", 3) == ["  a", "bc"])
    }

    @Test func tabsGoToFourColumnStops() {
        let lines = WordWrapper(width: 10).wrap("a\tb")
        #expect(lines.count == 1)
        #expect(lines[0].width == 5)
        #expect(rows("abc\tdefgh", 8) == ["abc\t", "defgh"])
    }

    @Test func rangesCoverTheWholeText() {
        let text = "Some words, 日本語 and e\u{301}moji 😀 here.\n\nSecond paragraph\twith a tab."
        let lines = WordWrapper(width: 7).wrap(text)
        var rebuilt = ""
        for line in lines {
            rebuilt += line.text(in: text)
            if line.endsParagraph, line.range.upperBound < text.utf8.count { rebuilt += "\n" }
        }
        #expect(rebuilt == text)
        #expect(lines.allSatisfy { $0.width <= 7 })
    }

    @Test func incrementalAppendEqualsFullWrap() {
        let words = ["a", "bb", "ccc", "dddddddddd", " ", "  ", "\n", "日本", "e\u{301}", "😀", "\t", "x", "\r", "\n\n"]
        var rng = SplitMix64(seed: 1234)
        for trial in 0..<200 {
            let width = 1 + trial % 12
            let text = (0..<Int.random(in: 0..<30, using: &rng)).map { _ in words.randomElement(using: &rng) ?? "" }.joined()
            var wrapped = WrappedText(width: width)
            let scalars = Array(text.unicodeScalars)
            var i = 0
            while i < scalars.count {
                let n = Int.random(in: 1...6, using: &rng)
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: scalars[i..<min(scalars.count, i + n)])
                wrapped.append(String(piece))
                i += n
            }
            #expect(wrapped.text == text)
            #expect(wrapped.lines == WordWrapper(width: width).wrap(text), "width \(width), text \(text.debugDescription)")
        }
    }

    @Test func setWidthRewraps() {
        var wrapped = WrappedText("hello world", width: 20)
        #expect(wrapped.lineCount == 1)
        wrapped.setWidth(5)
        #expect(wrapped.lineCount == 2)
        #expect(wrapped.lines == WordWrapper(width: 5).wrap("hello world"))
    }

    @Test func spansFollowAppends() {
        var wrapped = WrappedText(width: 40)
        wrapped.append("thinking… ", role: .responseReasoning)
        wrapped.append(TextSanitizer.sanitize("answer \u{1B}[2J end"))
        #expect(wrapped.text == "thinking… answer ␛[2J end")
        #expect(wrapped.spans.map(\.role) == [.responseReasoning, .responseInert])
        let inertStart = "thinking… answer ".utf8.count
        #expect(wrapped.role(at: 0) == .responseReasoning)
        #expect(wrapped.role(at: inertStart) == .responseInert)
        #expect(wrapped.role(at: inertStart - 1) == nil)
    }
}
