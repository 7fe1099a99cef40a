import Testing
@testable import Providers

/// Few-shot examples that break their own pattern get a marker in `refract prompt --show` and F7.
@Suite struct ExampleHazardTests {
    func prompt(_ outputs: [String]) -> Prompt {
        Prompt(system: "", instruction: "Label it.", input: "x", examples: outputs.enumerated().map { FewShotExample(input: "in \($0.offset)", output: $0.element) })
    }

    @Test func aConsistentPatternHasNone() {
        #expect(prompt(["positive", "negative", "positive"]).exampleHazards(mode: .rawCompletion).isEmpty)
        #expect(prompt(["Line one\nline two", "A\nB"]).exampleHazards(mode: .chat).isEmpty, "every answer on several lines is one format")
    }

    @Test func eachBreakIsNamedWithItsExample() {
        let hazards = prompt(["positive", "", " negative", "positive\nInput: more", "neutral\n"]).exampleHazards(mode: .rawCompletion)
        #expect(hazards.contains("example 2 has no answer: the model learns that an empty answer is fine"))
        #expect(hazards.contains("example 3's answer starts or ends with a space or newline: the model copies it"))
        #expect(hazards.contains(#"example 4's answer contains "\nInput:": in raw mode that is where the model is stopped"#))
        #expect(hazards.contains("example 5's answer starts or ends with a space or newline: the model copies it"))
        #expect(hazards.contains { $0.hasPrefix("examples 4, 5 answer on several lines where the others use one") })
        // The stop only matters in raw mode.
        #expect(!prompt(["a", "b\nInput: c"]).exampleHazards(mode: .chat).contains { $0.contains("where the model is stopped") })
    }
}
