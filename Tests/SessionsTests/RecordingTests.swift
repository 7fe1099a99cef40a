import Foundation
import Providers
import Synchronization
import Testing
@testable import Sessions

/// A sink that keeps events in memory.
final class MemorySink: SessionEventSink {
    private let storage = Mutex<[SessionEvent]>([])
    var events: [SessionEvent] { storage.withLock { $0 } }
    func append(_ event: SessionEvent) throws(SessionError) { storage.withLock { $0.append(event) } }
}

/// A clock tests move by hand.
final class ManualClock: Sendable {
    private let value = Mutex(0)
    var ms: Int {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}

@Suite struct CoalescerTests {
    @Test func deltasWithinAWindowBecomeOneEvent() {
        var c = DeltaCoalescer(run: 1, windowMs: 50)
        #expect(c.add(.text, "a", atMs: 100).isEmpty)
        #expect(c.add(.text, "b", atMs: 120).isEmpty)
        #expect(c.add(.text, "c", atMs: 149).isEmpty)
        // The first delta 50 ms after the window opened closes it, and is included.
        #expect(c.add(.text, "d", atMs: 150) == [.text(DeltaEvent(run: 1, ms: 100, text: "abcd"))])
        #expect(!c.hasPending)
        #expect(c.add(.text, "e", atMs: 400).isEmpty)
        #expect(c.flush() == .text(DeltaEvent(run: 1, ms: 400, text: "e")))
        #expect(c.flush() == nil)
    }

    @Test func aChangeOfChannelClosesTheWindow() {
        var c = DeltaCoalescer(run: 2)
        #expect(c.add(.reasoning, "think", atMs: 0).isEmpty)
        #expect(c.add(.text, "say", atMs: 10) == [.reasoning(DeltaEvent(run: 2, ms: 0, text: "think"))])
        #expect(c.add(.toolCall(index: 0), "{\"a\":", atMs: 20, toolID: "t1", toolName: "f") == [.text(DeltaEvent(run: 2, ms: 10, text: "say"))])
        #expect(c.add(.toolCall(index: 0), "1}", atMs: 30).isEmpty)
        #expect(c.add(.toolCall(index: 1), "{}", atMs: 40, toolName: "g") == [
            .toolCall(ToolCallEvent(run: 2, ms: 20, index: 0, id: "t1", name: "f", arguments: "{\"a\":1}")),
        ])
        #expect(c.flush() == .toolCall(ToolCallEvent(run: 2, ms: 40, index: 1, name: "g", arguments: "{}")))
    }

    @Test func aQuietStreamIsFlushedByTheTimer() {
        var c = DeltaCoalescer(run: 1)
        _ = c.add(.text, "x", atMs: 0)
        #expect(c.flushIfDue(atMs: 49) == nil)
        #expect(c.flushIfDue(atMs: 50) == .text(DeltaEvent(run: 1, ms: 0, text: "x")))
        #expect(c.flushIfDue(atMs: 500) == nil)
    }

    @Test func aRunOf100TokensEvery20msMakesAboutOneLinePerThreeTokens() {
        var c = DeltaCoalescer(run: 1)
        var events: [SessionEvent] = []
        for i in 0..<100 { events += c.add(.text, "t\(i) ", atMs: i * 20) }
        if let last = c.flush() { events.append(last) }
        #expect(events.count == 25)
        let joined = events.compactMap { if case .text(let d) = $0 { d.text } else { nil } }.joined()
        #expect(joined == (0..<100).map { "t\($0) " }.joined())
    }
}

@Suite struct RunRecorderTests {
    let model = ModelRef(provider: "anthropic", model: "claude")

    @Test func aFinishedRunIsSavedInOrderWithTotals() {
        let sink = MemorySink()
        let clock = ManualClock()
        let started = RunStarted(run: 4, at: Date(timeIntervalSince1970: 0), prompt: .init(instruction: "i"), model: model)
        let recorder = RunRecorder(started: started, sink: sink, elapsedMs: { clock.ms })
        clock.ms = 5
        recorder.record(.usage(Usage(input: 10)))
        clock.ms = 300
        recorder.record(.reasoningDelta("hm"))
        clock.ms = 320
        recorder.record(.textDelta("Hel"))
        clock.ms = 330
        recorder.record(.textDelta("lo"))
        clock.ms = 340
        recorder.tick()
        clock.ms = 370
        recorder.tick()
        clock.ms = 380
        recorder.record(.textDelta("!"))
        recorder.record(.finish(FinishReason(.stop, raw: "end_turn")))
        recorder.record(.usage(Usage(output: 3)))
        clock.ms = 400
        recorder.finish(cost: RunCost(usd: 0.01, price: PriceRecord(input: 3, output: 15, source: "t")))
        recorder.record(.textDelta("ignored after the end"))
        #expect(sink.events == [
            .runStarted(started),
            .usage(UsageEvent(run: 4, usage: Usage(input: 10))),
            .reasoning(DeltaEvent(run: 4, ms: 300, text: "hm")),
            .text(DeltaEvent(run: 4, ms: 320, text: "Hello")),
            .text(DeltaEvent(run: 4, ms: 380, text: "!")),
            .usage(UsageEvent(run: 4, usage: Usage(input: 10, output: 3))),
            .cost(CostEvent(run: 4, usd: 0.01, price: PriceRecord(input: 3, output: 15, source: "t"))),
            .finished(RunFinished(run: 4, finish: .stop, rawFinish: "end_turn", ttftMs: 300, totalMs: 400)),
        ])
        #expect(recorder.accumulator.text == "Hello!")
        #expect(recorder.writeError == nil)
    }

    @Test func aPlaceholderZeroUsageIsSavedBesideRefractsEstimate() {
        var b = RunEventBuilder(run: 2)
        _ = b.add(.textDelta(String(repeating: "x", count: 20)), atMs: 10)
        _ = b.add(.finish(FinishReason(.stop)), atMs: 11)
        let usage = b.add(.usage(Usage(input: 0, output: 0)), atMs: 12)
        #expect(usage.last == .usage(UsageEvent(run: 2, usage: Usage(input: 0, output: 0))))
        let end = b.end(atMs: 20)
        let warnings = end.compactMap { event -> String? in
            if case .warning(let w) = event { return w.message } else { return nil }
        }
        #expect(warnings == ["the server reported 0 output tokens for a non-empty answer; Refract's own estimate is 5 tokens"])
    }

    @Test func aFailedRunKeepsItsPartialText() {
        var b = RunEventBuilder(run: 1)
        #expect(b.add(.textDelta("part"), atMs: 10).isEmpty)
        _ = b.add(.error(ProviderError(kind: .streamCut, message: "the stream ended early")), atMs: 20)
        #expect(b.end(atMs: 25) == [
            .failed(RunFailed(run: 1, error: .init(kind: .streamCut, message: "the stream ended early"), ttftMs: 10, totalMs: 25)),
        ])
        #expect(b.isEnded)
        #expect(b.accumulator.text == "part")
    }

    @Test func aCancelledRunIsSavedAsCancelled() {
        var b = RunEventBuilder(run: 1)
        #expect(b.add(.textDelta("a"), atMs: 10).isEmpty)
        #expect(b.cancel(atMs: 70) == [
            .text(DeltaEvent(run: 1, ms: 10, text: "a")),
            .failed(RunFailed(run: 1, error: .init(kind: .cancelled, message: "cancelled by the user"), ttftMs: 10, totalMs: 70)),
        ])
        #expect(b.cancel(atMs: 80).isEmpty)
    }

    @Test func aStreamThatEndsWithoutAFinishIsStillSaved() {
        var b = RunEventBuilder(run: 1)
        #expect(b.end(atMs: 5) == [.finished(RunFinished(run: 1, finish: .other, ttftMs: nil, totalMs: 5))])
    }

    @Test func recordedRunsReadBackAsTheyWereStreamed() throws {
        let folder = TestFolder()
        let writer = try SessionWriter.create(in: folder.url, title: "t", scrubber: .off)
        let clock = ManualClock()
        let recorder = writer.beginRun(prompt: .init(instruction: "count"), model: model, params: .init(temperature: 0.2), elapsedMs: { clock.ms })
        var expected = ""
        for i in 0..<200 {
            clock.ms = 100 + i * 7
            recorder.record(.textDelta("\(i),"))
            expected += "\(i),"
        }
        recorder.record(.toolCallDelta(ToolCallDelta(index: 0, id: "c1", name: "f", argumentsDelta: "{\"x\":")))
        recorder.record(.toolCallDelta(ToolCallDelta(index: 0, argumentsDelta: "1}")))
        recorder.record(.finish(FinishReason(.toolCalls)))
        clock.ms = 2000
        recorder.finish()
        writer.close()
        let run = try #require(try SessionReader.read(writer.file).run(1))
        #expect(run.text == expected)
        #expect(run.toolCalls.count == 1)
        #expect(run.toolCalls.first?.id == "c1")
        #expect(run.toolCalls.first?.name == "f")
        #expect(run.toolCalls.first?.arguments == "{\"x\":1}")
        #expect(run.ttftMs == 100)
        #expect(run.totalMs == 2000)
        #expect(run.started.params.temperature == 0.2)
        // Coalesced: far fewer lines than deltas.
        let deltaLines = run.timeline.filter(\.part.isDelta).count
        #expect(deltaLines < 40)
        #expect(deltaLines > 15)
    }
}
