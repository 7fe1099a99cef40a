import Foundation
import Providers
import Testing
@testable import Sessions

@Suite struct ReplayTests {
    let timeline = [
        TimedPart(ms: 400, part: .textDelta("a")),
        TimedPart(ms: 450, part: .textDelta("b")),
        TimedPart(ms: 450, part: .usage(Usage(output: 2))),
        TimedPart(ms: 1000, part: .finish(FinishReason(.stop))),
    ]

    @Test(arguments: [
        (ReplaySpeed.x1, [400, 50, 0, 550]),
        (.x2, [200, 25, 0, 275]),
        (.x10, [40, 5, 0, 55]),
        (.instant, [0, 0, 0, 0]),
    ])
    func delaysFollowTheRecordingAtEachSpeed(_ speed: ReplaySpeed, _ delays: [Int]) {
        let schedule = ReplaySchedule(timeline: timeline, speed: speed)
        #expect(schedule.map(\.delay) == delays.map { .milliseconds($0) })
        #expect(schedule.map(\.part) == timeline.map(\.part))
        #expect(schedule.duration == .milliseconds(delays.reduce(0, +)))
    }

    @Test func outOfOrderTimesNeverWaitBackwards() {
        let odd = [TimedPart(ms: 100, part: .textDelta("a")), TimedPart(ms: 90, part: .textDelta("b"))]
        #expect(ReplaySchedule(timeline: odd, speed: .x1).map(\.delay) == [.milliseconds(100), .zero])
    }

    @Test func theClockStepsPausesAndChangesSpeed() {
        var clock = ReplayClock(timeline: timeline, speed: .x1)
        #expect(clock.nextDelay == .milliseconds(400))
        clock.isPaused = true
        // Step while paused: the next part, whatever its wait.
        #expect(clock.advance()?.part == .textDelta("a"))
        #expect(clock.elapsedMs == 400)
        clock.speed = .x10
        #expect(clock.nextDelay == .milliseconds(5))
        #expect(clock.advance(throughMs: 450).map(\.part) == [.textDelta("b"), .usage(Usage(output: 2))])
        #expect(clock.advance()?.part == .finish(FinishReason(.stop)))
        #expect(clock.isFinished)
        #expect(clock.advance() == nil)
        clock.rewind()
        #expect(clock.position == 0)
    }

    @Test func anUnfinishedRecordingReplaysWithAnEndingError() {
        var run = RecordedRun(started: RunStarted(run: 1, at: Date(), prompt: .init(), model: ModelRef(provider: "p", model: "m")))
        run.timeline = [TimedPart(ms: 10, part: .textDelta("half"))]
        let parts = ReplaySchedule(run: run, speed: .instant).map(\.part)
        #expect(parts.count == 2)
        guard case .error(let e) = parts.last else {
            Issue.record("expected an error last, got \(String(describing: parts.last))")
            return
        }
        #expect(e.kind == .streamCut)
    }

    @Test func theReplayModelStreamsTheSavedParts() async throws {
        let log = try SessionReader.read(bytes: try SampleEvents.smallSessionLines().flatMap { $0 })
        let run = try #require(log.run(1))
        let model = ReplayModel(run: run, speed: .instant)
        var parts: [StreamPart] = []
        for await part in model.stream(ModelRequest(model: "m", messages: [])) { parts.append(part) }
        #expect(parts == run.timeline.map(\.part))
        var acc = RunAccumulator()
        parts.forEach { acc.add($0) }
        #expect(acc.text == "One two three.")
        #expect(acc.finish == FinishReason(.stop, raw: "end_turn"))
    }
}
