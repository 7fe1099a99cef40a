import Foundation
import Providers
import Testing
@testable import Sessions

/// Token log-probabilities in a session: written compactly after the text they belong to, read back in
/// order into the run's timeline (so a replay carries them), and old readers' events untouched.
@Suite struct LogprobsRecordingTests {
    func token(_ t: String, _ lp: Double) -> TokenLogprob { TokenLogprob(token: t, logprob: lp, top: [TokenAlternative(token: t, logprob: lp)]) }

    @Test func theyFollowTheTextLineTheyArrivedWithAndReadBackInOrder() throws {
        var b = RunEventBuilder(run: 1, windowMs: 50)
        var events: [SessionEvent] = [.session(SessionHeader(id: "s", title: "t", created: Date(timeIntervalSince1970: 0), refractVersion: "0")),
                                      .runStarted(RunStarted(run: 1, at: Date(timeIntervalSince1970: 0), prompt: PromptSnapshot(), model: ModelRef("local:m")!))]
        events += b.add(.textDelta("Hel"), atMs: 10)
        events += b.add(.logprobs([token("Hel", -0.1)]), atMs: 10)
        events += b.add(.textDelta("lo"), atMs: 20)
        events += b.add(.logprobs([token("lo", -0.2)]), atMs: 20)
        events += b.add(.textDelta("!"), atMs: 90)  // closes the window
        events += b.add(.logprobs([token("!", -3.0)]), atMs: 90)
        events += b.add(.finish(FinishReason(.stop)), atMs: 95)
        events += b.end(atMs: 100)
        let kinds = events.map(\.typeName)
        #expect(kinds == ["session", "run_started", "text", "logprobs", "logprobs", "finished"])
        guard case .logprobs(let first) = events[3] else { Issue.record("no logprobs line"); return }
        #expect(first.tokens.map(\.token) == ["Hel", "lo"] && first.ms == 10)

        let bytes = try events.flatMap { try SessionLineCodec.encodeLine($0) }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"{"type":"logprobs","run":1,"ms":10,"tokens":[["Hel",-0.1,[],0],["lo",-0.2,[],0]]}"#), "\(text)")
        let log = try SessionReader.read(bytes: bytes, name: "s.jsonl")
        let run = try #require(log.runs.first)
        #expect(run.text == "Hello!")
        let timeline = run.timeline.compactMap { if case .logprobs(let t) = $0.part { t } else { nil } }.flatMap { $0 }
        #expect(timeline.map(\.token) == ["Hel", "lo", "!"])
    }
}
