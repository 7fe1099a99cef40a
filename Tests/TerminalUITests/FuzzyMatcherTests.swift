import Testing
@testable import TerminalUI

@Suite struct FuzzyMatcherTests {
    let matcher = FuzzyMatcher()

    @Test func subsequenceRequired() {
        #expect(matcher.match("abc", in: "xaxbxc")?.positions == [1, 3, 5])
        #expect(matcher.match("abd", in: "abc") == nil)
        #expect(matcher.match("", in: "anything") == FuzzyMatch(score: 0, positions: []))
        #expect(matcher.match("long pattern", in: "short") == nil)
    }

    @Test func prefersWordStartsAndRuns() {
        #expect(matcher.match("gpt4", in: "openai/gpt-4o")?.positions == [7, 8, 9, 11])
        #expect(matcher.match("abc", in: "a_b_c_abc")?.positions == [6, 7, 8])
        #expect(matcher.match("son", in: "claude-sonnet-4")?.positions == [7, 8, 9])
        #expect(matcher.match("cs", in: "claudeSonnet")?.positions == [0, 6])
    }

    @Test func rankingPutsTheBestFirst() {
        let names = ["random_code", "model-picker", "my_old_data"]
        let ranked = matcher.rank("mod", in: names)
        #expect(ranked.first?.index == 1)
        #expect(ranked.count == 3)
        let models = ["anthropic/claude-haiku", "openai/gpt-4o-mini", "openai/gpt-4o"]
        #expect(matcher.rank("gpt4o", in: models).map(\.index) == [2, 1])
    }

    @Test func smartCase() {
        #expect(matcher.match("gpt", in: "GPT-4") != nil)
        #expect(matcher.match("GPT", in: "gpt-4") == nil)
        #expect(matcher.match("GPT", in: "GPT-4")?.positions == [0, 1, 2])
    }

    @Test func graphemePositions() {
        #expect(matcher.match("日本", in: "これは日本語")?.positions == [3, 4])
        #expect(matcher.match("ca", in: "cafe\u{301} au lait")?.positions == [0, 1])
    }

    @Test func longCandidatesUseTheGreedyPath() {
        let long = String(repeating: "x", count: 600) + "abc"
        #expect(FuzzyMatcher(maxCandidateLength: 100).match("abc", in: long)?.positions == [600, 601, 602])
    }
}
