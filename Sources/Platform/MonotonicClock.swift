import Foundation

/// Seconds since an arbitrary start, never going backwards (CLOCK_MONOTONIC); the app's only clock.
public enum MonotonicClock {
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
