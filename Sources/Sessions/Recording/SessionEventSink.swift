import Foundation

/// Where recorded events go: a session file (`SessionWriter`) or, in tests, memory.
public protocol SessionEventSink: Sendable {
    /// Saves one event; a failure is reported, never fatal (the run goes on in memory).
    func append(_ event: SessionEvent) throws(SessionError)
}
