import Foundation

/// Turns one protocol's framed messages into neutral stream parts. Pure and stateful.
public protocol EventMapper: Sendable {
    /// Maps one message; may return nothing (pings, bookkeeping events).
    mutating func map(_ message: FramedMessage) -> [StreamPart]
    /// The body ended. Returns trailing parts; when the protocol's terminator was never seen this
    /// includes a `.error` of kind `.streamCut` (or the mid-stream error already seen).
    mutating func finish() -> [StreamPart]
    /// True once the protocol's terminator (or a terminal error) has been seen.
    var isComplete: Bool { get }
}
