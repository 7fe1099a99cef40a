import Foundation

/// Waits (polling every 20 ms, up to `timeout` seconds) until `condition` holds; returns whether it did.
/// Used only to know when a child has reached a state, never to assert on durations.
func waitUntil(timeout: Double = 20, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

/// The text of a file, or "" when it cannot be read.
func contents(of path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}
