import Foundation

/// A replay cursor for a player with pause, step and speed changes. Pure: it never sleeps.
///
/// A player asks `nextDelay` and waits that long (unless paused), then calls `advance()` and emits the
/// part. "Step" while paused is just `advance()` without waiting; a speed change applies from the next wait.
public struct ReplayClock: Sendable {
    public let timeline: [TimedPart]
    public var speed: ReplaySpeed
    public var isPaused = false
    /// Index of the next part to emit.
    public private(set) var position = 0

    public init(timeline: [TimedPart], speed: ReplaySpeed = .x1) {
        self.timeline = timeline
        self.speed = speed
    }

    public init(run: RecordedRun, speed: ReplaySpeed = .x1) {
        self.init(timeline: run.replayTimeline, speed: speed)
    }

    public var isFinished: Bool { position >= timeline.count }

    /// The recorded time of the last emitted part.
    public var elapsedMs: Int { position == 0 ? 0 : timeline[position - 1].ms }

    /// How long to wait before the next part at the current speed (nil when finished).
    public var nextDelay: Duration? {
        guard !isFinished else { return nil }
        return speed.scaled(ms: timeline[position].ms - elapsedMs)
    }

    /// Emits the next part (the step the player was waiting for, or a manual step while paused).
    public mutating func advance() -> ReplayStep? {
        guard let delay = nextDelay else { return nil }
        let item = timeline[position]
        position += 1
        return ReplayStep(delay: delay, ms: item.ms, part: item.part)
    }

    /// Emits, in one go, every part up to recorded time `ms` (a seek forward, or a redraw after skipping).
    public mutating func advance(throughMs ms: Int) -> [ReplayStep] {
        var out: [ReplayStep] = []
        while !isFinished, timeline[position].ms <= ms, let step = advance() { out.append(step) }
        return out
    }

    /// Back to the start.
    public mutating func rewind() {
        position = 0
    }
}
