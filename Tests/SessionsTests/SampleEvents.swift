import Foundation
import Providers
@testable import Sessions

/// One event of every type, with awkward text, for round trips.
enum SampleEvents {
    static let at = Date(timeIntervalSince1970: 1_750_000_000.25)
    static let header = SessionHeader(id: "abc123def4567890", title: "Refraction \"tests\" ✓", created: at, refractVersion: "0.1.0")
    static let started = RunStarted(
        run: 1, group: 2, at: at,
        prompt: PromptSnapshot(
            system: "Be brief.\nReally.", instruction: "Summarise {{doc}} in 3 words", input: "Tab\there, quote \" and backslash \\",
            variables: ["doc": "a \u{1F600} emoji and \u{0007} bell", "b": "second"]
        ),
        model: ModelRef(provider: "ollama", model: "llama3:8b"), protocolName: "ollama",
        params: GenerationParameters(temperature: 0.7, topP: 0.95, maxTokens: 256, stop: ["\n\n"], seed: 42),
        mode: .rawCompletion, label: "concise", variant: "v2"
    )

    static let all: [SessionEvent] = [
        .session(header),
        .runStarted(started),
        .text(DeltaEvent(run: 1, ms: 812, text: "Hello, \"world\" \\ \n\t\u{1}é中文😀")),
        .reasoning(DeltaEvent(run: 1, ms: 40, text: "thinking…")),
        .toolCall(ToolCallEvent(run: 1, ms: 900, index: 0, id: "call_1", name: "lookup", arguments: #"{"q":"prism"}"#)),
        .toolResult(ToolResultEvent(run: 1, ms: 950, result: ToolResult(index: 0, id: "call_1", name: "lookup", content: "a prism bends light", isError: false, step: 1))),
        .logprobs(LogprobsEvent(run: 1, ms: 950, tokens: [TokenLogprob(token: " prism", logprob: -0.25, top: [TokenAlternative(token: " prism", logprob: -0.25), TokenAlternative(token: " lens", logprob: -1.5)])])),
        .usage(UsageEvent(run: 1, usage: Usage(input: 12, output: 34, cacheRead: nil, cacheWrite: 5, reasoning: 7))),
        .cost(CostEvent(run: 1, usd: 0.000123, price: PriceRecord(input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75, source: "data/prices.toml", checked: "2025-06-01"))),
        .finished(RunFinished(run: 1, finish: .length, rawFinish: "max_tokens", ttftMs: 40, totalMs: 1234)),
        .failed(RunFailed(run: 3, error: .init(kind: .rateLimited, message: "rate limited (429); retry in 20 s"), ttftMs: nil, totalMs: 99)),
        .warning(SessionWarning(run: 1, message: "retried once")),
        .warning(SessionWarning(run: nil, message: "prices are a month old")),
        .renamed(Renamed(title: "New title", at: at)),
        .groupStarted(GroupStarted(group: 2, at: at, kind: .grid, instructions: ["concise", "detailed"], models: [ModelRef(provider: "a", model: "b"), ModelRef(provider: "c", model: "d:e")])),
        .verdict(Verdict(group: 2, at: at, outcome: .ranking([4, 1, 3]), blind: true)),
        .verdict(Verdict(group: 2, at: at, outcome: .winner(4), blind: false)),
        .verdict(Verdict(group: 2, at: at, outcome: .tie, blind: true)),
        .checkResult(CheckResultEvent(run: 1, index: 0, name: "mentions refund", check: "contains", result: "fail", reason: "expected to contain 'refund': not found")),
        .checkResult(CheckResultEvent(
            run: 1, index: 1, name: "polite", check: "judge", result: "pass", reason: "courteous", weight: 2,
            judge: .init(model: "local:judge", prompt: "Grade…", answer: "{\"pass\":true}", usd: nil)
        )),
    ]

    /// The lines of a small finished session: header, one run with text in three pieces, usage, cost, finished.
    static func smallSessionLines() throws -> [[UInt8]] {
        let events: [SessionEvent] = [
            .session(header),
            .runStarted(started),
            .text(DeltaEvent(run: 1, ms: 100, text: "One ")),
            .text(DeltaEvent(run: 1, ms: 160, text: "two ")),
            .usage(UsageEvent(run: 1, usage: Usage(input: 10, output: 3))),
            .text(DeltaEvent(run: 1, ms: 220, text: "three.")),
            .cost(CostEvent(run: 1, usd: 0.5, price: PriceRecord(source: "test"))),
            .finished(RunFinished(run: 1, finish: .stop, rawFinish: "end_turn", ttftMs: 100, totalMs: 300)),
        ]
        return try events.map { try SessionLineCodec.encodeLine($0) }
    }
}
