import Foundation
import Providers

/// A saved run's parts with the waits between them at one speed. Pure; a player sleeps `delay` and
/// emits `part` for each step, through the same path a live stream takes.
public struct ReplaySchedule: Sendable, RandomAccessCollection {
    public let timeline: [TimedPart]
    public let speed: ReplaySpeed

    public init(timeline: [TimedPart], speed: ReplaySpeed) {
        self.timeline = timeline
        self.speed = speed
    }

    /// The run's parts, ending with `.finish` or `.error` (an unfinished recording ends with a `stream_cut` error).
    public init(run: RecordedRun, speed: ReplaySpeed) {
        self.init(timeline: run.replayTimeline, speed: speed)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { timeline.count }

    /// The step at `i`: the wait since the previous part (since the start for the first; never negative).
    public subscript(i: Int) -> ReplayStep {
        let previous = i == 0 ? 0 : timeline[i - 1].ms
        let item = timeline[i]
        return ReplayStep(delay: speed.scaled(ms: item.ms - previous), ms: item.ms, part: item.part)
    }

    /// How long the whole replay takes at this speed.
    public var duration: Duration {
        speed.scaled(ms: timeline.last.map { Swift.max(0, $0.ms) } ?? 0)
    }
}

extension RecordedRun {
    /// The timeline to replay: the recorded parts, closed with an error when the recording stops mid-run,
    /// so a replay always finishes like a live stream does.
    public var replayTimeline: [TimedPart] {
        guard case .incomplete = outcome else { return timeline }
        let last = timeline.last?.ms ?? 0
        let cut = ProviderError(kind: .streamCut, message: "the recording stops here: Refract was stopped before this run ended")
        return timeline + [TimedPart(ms: last, part: .error(cut))]
    }
}
