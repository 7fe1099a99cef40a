import Foundation
import Providers

/// A `LanguageModel` that plays back a saved run with its original timing (or faster), so the response
/// view cannot tell a replay from a live stream. The request is ignored.
public struct ReplayModel: LanguageModel {
    public let timeline: [TimedPart]
    public let speed: ReplaySpeed

    public init(run: RecordedRun, speed: ReplaySpeed = .x1) {
        timeline = run.replayTimeline
        self.speed = speed
    }

    public init(timeline: [TimedPart], speed: ReplaySpeed = .x1) {
        self.timeline = timeline
        self.speed = speed
    }

    public func stream(_ request: ModelRequest) -> AsyncStream<StreamPart> {
        let schedule = ReplaySchedule(timeline: timeline, speed: speed)
        return AsyncStream { continuation in
            let task = Task {
                // Deadlines from the start, not sleeps in a row, so waits do not drift over a long run.
                let clock = ContinuousClock()
                let start = clock.now
                var due = Duration.zero
                for step in schedule {
                    due += step.delay
                    if step.delay > .zero {
                        do {
                            try await clock.sleep(until: start + due)
                        } catch {
                            break
                        }
                    }
                    if Task.isCancelled { break }
                    continuation.yield(step.part)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
