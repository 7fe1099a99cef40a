import Testing
@testable import TerminalUI

@Suite struct TextWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(TextWidth.of("hello, world") == 12)
        #expect(TextWidth.of(Character("a")) == 1)
        #expect(TextWidth.of(Character("~")) == 1)
    }

    @Test func cjkAndHangulAreTwoColumns() {
        #expect(TextWidth.of("日本") == 4)
        #expect(TextWidth.of(Character("語")) == 2)
        #expect(TextWidth.of("한국어") == 6)
        #expect(TextWidth.of("ｱ") == 1)  // halfwidth katakana
        #expect(TextWidth.of("Ａ") == 2)  // fullwidth A
    }

    @Test func emojiAreTwoColumns() {
        #expect(TextWidth.of(Character("😀")) == 2)
        #expect(TextWidth.of("🚀x") == 3)
    }

    @Test func combiningMarksTakeNoColumn() {
        let decomposed: Character = "e\u{301}"
        #expect(decomposed.unicodeScalars.count == 2)
        #expect(TextWidth.of(decomposed) == 1)
        #expect(TextWidth.of("e\u{301}e\u{301}") == 2)
        #expect(TextWidth.of(scalar: "\u{301}") == 0)
        #expect(TextWidth.of("é") == 1)
    }

    @Test func zwjFamilyIsItsEmojiAfterStripping() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(family.count == 1)
        // glibc (and so ncurses) counts each emoji: the grapheme is as wide as the stripped form.
        #expect(TextWidth.of(family) == 6)
        let shown = TextSanitizer.sanitize(family).text
        #expect(shown == "👨👩👧")
        #expect(shown.count == 3)
        #expect(TextWidth.of(shown) == 6)
    }

    @Test func controlsAndUnprintablesTakeNoColumn() {
        #expect(TextWidth.of(Character("\u{1B}")) == 0)
        #expect(TextWidth.of(scalar: "\u{7F}") == 0)
        #expect(TextWidth.of(scalar: "\u{9B}") == 0)
        #expect(TextWidth.of(scalar: "\u{378}") == 0)  // unassigned
        #expect(!TextWidth.isPrintable("\u{378}"))
        #expect(TextWidth.isPrintable("\u{241B}"))
        #expect(TextWidth.of("␛") == 1)
    }

    @Test func generatedTableIsSortedAndDisjoint() {
        for table in [WidthTable.zeroWidth, WidthTable.doubleWidth, WidthTable.nonPrintable] {
            #expect(table.count % 2 == 0)
            var previousEnd: Int64 = -1
            for i in stride(from: 0, to: table.count, by: 2) {
                #expect(table[i] <= table[i + 1])
                #expect(Int64(table[i]) > previousEnd)
                previousEnd = Int64(table[i + 1])
            }
        }
    }

    @Test func displayClustersHoldOneSpacingScalarEach() {
        var clusters: [String] = []
        var widths: [Int] = []
        DisplayClusters.forEach(in: "e\u{301}日🇯🇵a\u{202E}b\u{1B}") { clusters.append($0); widths.append($1) }
        #expect(clusters == ["e\u{301}", "日", "🇯", "🇵", "a", "b"])
        #expect(widths == [1, 2, 1, 1, 1, 1])
    }

    @Test func displayClustersDropJoinersAndVariationSelectors() {
        var clusters: [String] = []
        DisplayClusters.forEach(in: "👨\u{200D}👩\u{200D}👧❤\u{FE0F}") { cluster, _ in clusters.append(cluster) }
        #expect(clusters == ["👨", "👩", "👧", "❤"])
    }

    @Test func skinToneModifiersAreDroppedAfterAnEmoji() {
        let thumbs: Character = "👍🏽"
        #expect(thumbs.unicodeScalars.count == 2)
        #expect(TextWidth.of(thumbs) == 2)
        #expect(TextWidth.of("👍🏽ok") == 4)
        #expect(TextWidth.of("🏽") == 2)  // on its own it is a colour swatch
        var clusters: [String] = []
        DisplayClusters.forEach(in: "👍🏽🏽") { cluster, _ in clusters.append(cluster) }
        #expect(clusters == ["👍", "🏽"])
    }

    @Test func truncationCountsColumns() {
        #expect(TextTruncation.truncate("hello world", toWidth: 8) == "hello w…")
        #expect(TextTruncation.truncate("日本語テキスト", toWidth: 6) == "日本…")
        #expect(TextTruncation.truncate("short", toWidth: 5) == "short")
        #expect(TextTruncation.fit("ab", toWidth: 4, alignRight: true) == "  ab")
    }
}
