import Foundation
import Testing
@testable import Providers

/// A looped run's screen text: calls with their arguments as they stream, answers where they arrived,
/// append-only; plain runs keep no second copy.
@Suite struct ToolTranscriptTests {
    @Test func callsAndAnswersAppearInPlaceAndOnlyGrow() {
        var run = RunAccumulator()
        run.add(.textDelta("Let me check."))
        #expect(run.transcript == nil)
        #expect(run.shownText == "Let me check.")
        var seen: [String] = []
        let parts: [StreamPart] = [
            .toolCallDelta(ToolCallDelta(index: 0, id: "a", name: "get_weather")),
            .toolCallDelta(ToolCallDelta(index: 0, argumentsDelta: #"{"city":"#)),
            .toolCallDelta(ToolCallDelta(index: 0, argumentsDelta: #""Paris"}"#)),
            .toolResult(ToolResult(index: 0, id: "a", name: "get_weather", content: "sunny", step: 1)),
            .toolCallDelta(ToolCallDelta(index: 1, id: "b", name: "get_weather", argumentsDelta: "{}")),
            .toolResult(ToolResult(index: 1, id: "b", name: "get_weather", content: "error: no city", isError: true, step: 2)),
            .textDelta("It is sunny."),
        ]
        for part in parts {
            run.add(part)
            seen.append(run.shownText)
        }
        #expect(run.shownText == "Let me check.\n▸ get_weather {\"city\":\"Paris\"}\n◂ sunny\n▸ get_weather {}\n✗ error: no city\nIt is sunny.")
        #expect(run.text == "Let me check.It is sunny.", "the model's words alone")
        for (before, after) in zip(seen, seen.dropFirst()) { #expect(after.hasPrefix(before)) }
    }
}
