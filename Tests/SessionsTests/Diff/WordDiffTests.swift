import Foundation
import Providers
import Testing
@testable import Sessions

/// The diff as (kind, text) pairs, easy to write out in an expectation.
private func pairs(_ diff: WordDiff) -> [(String, String)] {
    diff.segments.map { segment in
        let kind = switch segment.kind {
        case .same: "="
        case .added: "+"
        case .removed: "-"
        case .moved(.old, let m): "<\(m)"
        case .moved(.new, let m): ">\(m)"
        }
        return (kind, segment.text)
    }
}

private func expectPairs(_ diff: WordDiff, _ expected: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) {
    let got = pairs(diff)
    #expect(got.map(\.0) == expected.map(\.0), "kinds: \(got)", sourceLocation: sourceLocation)
    #expect(got.map(\.1) == expected.map(\.1), "texts: \(got)", sourceLocation: sourceLocation)
}

/// Both texts come back exactly from their sides of the diff.
private func expectRebuilds(_ diff: WordDiff, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(diff.oldSegments.map(\.text).joined() == old, sourceLocation: sourceLocation)
    #expect(diff.newSegments.map(\.text).joined() == new, sourceLocation: sourceLocation)
}

@Suite struct DiffTokenizerTests {
    @Test func wordsWhitespaceAndPunctuation() {
        let tokens = DiffTokenizer.tokens("don't stop,  now 42!\n")
        #expect(tokens == [
            DiffToken(.word, "don't"), DiffToken(.whitespace, " "), DiffToken(.word, "stop"), DiffToken(.punctuation, ","),
            DiffToken(.whitespace, "  "), DiffToken(.word, "now"), DiffToken(.whitespace, " "), DiffToken(.word, "42"),
            DiffToken(.punctuation, "!"), DiffToken(.whitespace, "\n"),
        ])
    }

    @Test func apostropheAtAWordEdgeIsPunctuation() {
        #expect(DiffTokenizer.tokens("'quoted'") == [DiffToken(.punctuation, "'"), DiffToken(.word, "quoted"), DiffToken(.punctuation, "'")])
    }

    @Test func cjkCharactersAreOneTokenEach() {
        #expect(DiffTokenizer.tokens("我喜欢猫。") == [
            DiffToken(.ideograph, "我"), DiffToken(.ideograph, "喜"), DiffToken(.ideograph, "欢"), DiffToken(.ideograph, "猫"),
            DiffToken(.punctuation, "。"),
        ])
        #expect(DiffTokenizer.tokens("カタカナ").count == 4)
    }

    @Test func emojiStayWhole() {
        let family = "👨\u{200D}👩\u{200D}👧"
        let thumb = "👍🏽"
        let heart = "❤\u{FE0F}"
        let flag = "🇯🇵"
        #expect(DiffTokenizer.tokens("ok\(family)\(thumb)\(heart)\(flag)") == [
            DiffToken(.word, "ok"), DiffToken(.emoji, family), DiffToken(.emoji, thumb), DiffToken(.emoji, heart), DiffToken(.emoji, flag),
        ])
    }

    @Test func accentedLettersStayInTheirWord() {
        let decomposed = "cafe\u{0301} noir"
        #expect(DiffTokenizer.tokens(decomposed).map(\.text) == ["cafe\u{0301}", " ", "noir"])
    }

    @Test func tokensJoinBackToTheText() {
        let text = "Hello, 世界! 👋🏻 It's 3:45 p.m. — \t\nfine…"
        #expect(DiffTokenizer.tokens(text).map(\.text).joined() == text)
    }
}

@Suite struct WordDiffTests {
    @Test func identicalTexts() {
        let diff = WordDiff(old: "The same words.", new: "The same words.")
        expectPairs(diff, [("=", "The same words.")])
        #expect(diff.isIdentical)
        #expect(diff.similarity == 1)
        #expect(diff.sameWords == 3)
    }

    @Test func emptySides() {
        let both = WordDiff(old: "", new: "")
        #expect(both.segments.isEmpty)
        #expect(both.isIdentical)
        let added = WordDiff(old: "", new: "brand new text")
        expectPairs(added, [("+", "brand new text")])
        #expect(added.addedWords == 3)
        #expect(added.similarity == 0)
        let removed = WordDiff(old: "all gone", new: "")
        expectPairs(removed, [("-", "all gone")])
        #expect(removed.removedWords == 2)
        #expect(!removed.isIdentical)
    }

    @Test func insertion() {
        let diff = WordDiff(old: "The cat sat.", new: "The black cat sat.")
        expectPairs(diff, [("=", "The "), ("+", "black "), ("=", "cat sat.")])
        #expect(diff.addedWords == 1)
        #expect(diff.removedWords == 0)
    }

    @Test func deletion() {
        let diff = WordDiff(old: "Light bends very slowly here.", new: "Light bends here.")
        expectPairs(diff, [("=", "Light bends "), ("-", "very slowly "), ("=", "here.")])
        #expect(diff.removedWords == 2)
    }

    @Test func replacementOfOneWord() {
        let diff = WordDiff(old: "The quick fox", new: "The slow fox")
        expectPairs(diff, [("=", "The "), ("-", "quick"), ("+", "slow"), ("=", " fox")])
        #expect(diff.similarity == 4.0 / 6.0)
    }

    @Test func aReplacedPhraseIsOneChangeNotWordsAroundAKeptSpace() {
        let diff = WordDiff(old: "I like red apples", new: "I like green pears")
        expectPairs(diff, [("=", "I like "), ("-", "red apples"), ("+", "green pears")])
    }

    @Test func punctuationChange() {
        let diff = WordDiff(old: "Yes, it works.", new: "Yes; it works!")
        expectPairs(diff, [("=", "Yes"), ("-", ","), ("+", ";"), ("=", " it works"), ("-", "."), ("+", "!")])
        #expect(diff.addedWords == 0)
        #expect(diff.sameWords == 3)
    }

    @Test func swappedSentencesAreTwoMovesEachMarkedOnBothSides() {
        let old = "Alpha beta gamma. Delta epsilon zeta."
        let new = "Delta epsilon zeta. Alpha beta gamma."
        let diff = WordDiff(old: old, new: new)
        expectRebuilds(diff, old, new)
        // The longer run is found first, so it is move 1.
        expectPairs(diff, [
            ("<2", "Alpha beta gamma"), (">1", "Delta epsilon zeta"), ("=", ". "),
            ("<1", "Delta epsilon zeta"), (">2", "Alpha beta gamma"), ("=", "."),
        ])
        #expect(diff.movedWords == 6)
        #expect(diff.addedWords == 0)
        #expect(diff.removedWords == 0)
        #expect(diff.similarity == 1)
    }

    @Test func swappedListItemsMoveWhenEachOccursOnce() {
        let diff = WordDiff(old: "Red, green, blue.", new: "Red, blue, green.")
        expectPairs(diff, [("=", "Red, "), ("<1", "green"), (">2", "blue"), ("=", ", "), ("<2", "blue"), (">1", "green"), ("=", ".")])
    }

    @Test func aPhraseReplacedAroundKeptWords() {
        let diff = WordDiff(old: "The cat sat on the mat and looked at the door.", new: "A cat was sitting on a mat.")
        expectPairs(diff, [
            ("-", "The"), ("+", "A"), ("=", " cat "), ("-", "sat "), ("+", "was sitting "), ("=", "on "), ("-", "the"), ("+", "a"),
            ("=", " mat"), ("-", " and looked at the door"), ("=", "."),
        ])
    }

    @Test func movedPhraseInsideALargerInsertion() {
        let old = "summary first: light bends. then the details follow"
        let new = "then the details follow and we add that light bends slowly"
        let diff = WordDiff(old: old, new: new)
        expectRebuilds(diff, old, new)
        let movedNew = diff.segments.filter { if case .moved(.new, _) = $0.kind { true } else { false } }
        #expect(movedNew.map(\.text).contains("light bends"))
        #expect(diff.movedWords >= 2)
    }

    @Test func shortCommonWordsAreNotMoves() {
        let diff = WordDiff(old: "a cat and a dog", new: "one cat, a dog and")
        expectRebuilds(diff, "a cat and a dog", "one cat, a dog and")
        #expect(diff.movedWords == 0)
    }

    @Test func cjkReplacement() {
        let diff = WordDiff(old: "我喜欢猫", new: "我喜欢狗")
        expectPairs(diff, [("=", "我喜欢"), ("-", "猫"), ("+", "狗")])
        #expect(diff.sameWords == 3)
        #expect(diff.removedWords == 1)
    }

    @Test func emojiChangesWhole() {
        let diff = WordDiff(old: "Nice 👍🏽 work", new: "Nice 👎🏽 work")
        expectPairs(diff, [("=", "Nice "), ("-", "👍🏽"), ("+", "👎🏽"), ("=", " work")])
    }

    @Test func multilineTextsKeepTheirNewlines() {
        let old = "Line one\nLine two\nLine three\n"
        let new = "Line one\nLine 2\nLine three\nLine four\n"
        let diff = WordDiff(old: old, new: new)
        expectRebuilds(diff, old, new)
        #expect(diff.removedWords == 1)
        #expect(diff.addedWords == 3)
    }

    @Test func rebuildsBothSidesOnAssortedPairs() {
        let samples = [
            "", "a", "a b", "b a", "The cat sat on the mat.", "On the mat the cat sat!", "猫が好き", "犬が好き 🐶",
            "one, two, three, four", "four three two one", "  spaced   out  ", "x\ny\nz",
        ]
        for old in samples {
            for new in samples {
                expectRebuilds(WordDiff(old: old, new: new), old, new)
            }
        }
    }

    @Test func tenThousandWordsWithSmallEditsAndAMoveStayBounded() {
        let old = Words.text(count: 10_000, seed: 7)
        var words = old.split(separator: " ").map(String.init)
        for i in stride(from: 50, to: words.count, by: 97) { words[i] = "edited\(i)" }
        let block = Array(words[4_000..<4_040])
        words.removeSubrange(4_000..<4_040)
        words.insert(contentsOf: block, at: 8_000)
        let new = words.joined(separator: " ")
        let diff = WordDiff(old: old, new: new)
        expectRebuilds(diff, old, new)
        #expect(!diff.isApproximate)
        #expect(diff.work < 4_100_000)
        #expect(diff.movedWords >= 30)
        #expect(diff.similarity > 0.95)
    }

    @Test func tenThousandUnrelatedWordsStayBounded() {
        let old = Words.text(count: 10_000, seed: 1)
        let new = Words.text(count: 10_000, seed: 2)
        let diff = WordDiff(old: old, new: new)
        expectRebuilds(diff, old, new)
        // Alignment and move search each have a fixed budget: no quadratic blow-up on any input.
        #expect(diff.work < 4_100_000)
    }
}

@Suite struct TokenAlignerTests {
    @Test func longestIncreasingSubsequence() {
        let lis = TokenAligner.longestIncreasing([(0, 3), (1, 1), (2, 4), (3, 2), (4, 5)])
        #expect(lis.map(\.1) == [1, 2, 5])
    }

    @Test func myersFindsAShortestScript() {
        var aligner = TokenAligner(a: [1, 2, 3, 4, 5], b: [1, 3, 4, 6, 5])
        let steps = aligner.run()
        let deleted = steps.filter { $0.operation == .delete }.reduce(0) { $0 + $1.a.count }
        let inserted = steps.filter { $0.operation == .insert }.reduce(0) { $0 + $1.b.count }
        #expect(deleted == 1)
        #expect(inserted == 1)
        #expect(aligner.approximations == 0)
    }

    @Test func aSpentBudgetReplacesTheRestWhole() {
        var aligner = TokenAligner(a: Array(0..<3000), b: Array(3000..<6000), budget: 10)
        let steps = aligner.run()
        #expect(steps == [
            TokenAligner.Step(operation: .delete, a: 0..<3000, b: 0..<0),
            TokenAligner.Step(operation: .insert, a: 3000..<3000, b: 0..<3000),
        ])
        #expect(aligner.approximations == 1)
    }
}

@Suite struct RunComparisonTests {
    @Test func changesBetweenTwoRuns() {
        let before = RunFigures(outputTokens: 40, costUSD: 0.0010, ttftMs: 300, totalMs: 2000)
        let after = RunFigures(outputTokens: 52, costUSD: 0.0013, ttftMs: 250, totalMs: 2500)
        let c = RunComparison(before: before, after: after)
        #expect(c.outputTokensChange == 12)
        #expect(c.outputTokensRatio == 0.3)
        #expect(abs((c.costChangeUSD ?? 0) - 0.0003) < 1e-12)
        #expect(c.ttftChangeMs == -50)
        #expect(c.totalChangeMs == 500)
        #expect(c.description == "output +12 tokens (+30%) · cost +$0.000300 · ttft −0.05 s · total +0.50 s (+25%)")
    }

    @Test func unpricedAndUnknownFiguresHaveNoChange() {
        let c = RunComparison(
            before: RunFigures(outputTokens: 10, costUSD: nil, ttftMs: nil, totalMs: 100),
            after: RunFigures(outputTokens: 8, outputTokensExact: false, costUSD: 0.5, ttftMs: 20, totalMs: 100)
        )
        #expect(c.costChangeUSD == nil)
        #expect(c.ttftChangeMs == nil)
        #expect(c.description == "output −2~ tokens (−20%) · cost unpriced · ttft ? · total ±0.00 s (±0%)")
    }

    @Test func figuresFromARecordedRun() throws {
        var run = RecordedRun(started: RunStarted(run: 1, at: Date(timeIntervalSince1970: 0), prompt: PromptSnapshot(), model: ModelRef(provider: "p", model: "m")))
        run.text = "12345678"
        run.outcome = .finished(RunFinished(run: 1, finish: .stop, ttftMs: 120, totalMs: 900))
        let estimated = RunFigures(run)
        #expect(estimated == RunFigures(outputTokens: 2, outputTokensExact: false, costUSD: nil, ttftMs: 120, totalMs: 900))
        run.usage = Usage(input: 5, output: 7)
        run.cost = CostEvent(run: 1, usd: 0.25, price: PriceRecord(input: 1, output: 2, source: "test"))
        #expect(RunFigures(run) == RunFigures(outputTokens: 7, costUSD: 0.25, ttftMs: 120, totalMs: 900))
    }

    @Test func figuresFromAMeter() {
        var meter = RunMeter(startedAt: 10, price: nil, protocolName: nil, promptCharacters: 0)
        meter.add(.textDelta("hello"), at: 10.2)
        meter.add(.usage(Usage(input: 3, output: 9)), at: 10.5)
        meter.end(at: 11)
        #expect(RunFigures(meter) == RunFigures(outputTokens: 9, costUSD: nil, ttftMs: 200, totalMs: 1000))
    }
}

/// Deterministic word soup for the long-text tests.
private enum Words {
    static func text(count: Int, seed: UInt64) -> String {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        var out: [String] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let n = Int((state >> 33) % 5000)
            out.append("w\(n)")
        }
        return out.joined(separator: " ")
    }
}
