import Sessions

/// A saved run playing back through the response view: the clock says which parts are due.
public struct ReplayState: Sendable {
    /// The workbench run the parts go into.
    public var runID: String
    public var clock: ReplayClock
    /// Milliseconds of recorded time already played.
    public var playedMs: Double = 0
    /// Monotonic seconds of the last advance.
    public var lastAdvance: Double

    public init(runID: String, clock: ReplayClock, now: Double) {
        self.runID = runID
        self.clock = clock
        self.lastAdvance = now
    }
}
