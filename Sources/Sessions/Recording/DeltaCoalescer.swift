import Foundation

/// Folds a run's timed text, reasoning and tool-call deltas into one event per ~50 ms window.
///
/// Pure. A window opens with a delta and closes with the first delta at least `windowMs` later (which
/// is included), on a change of channel, or on `flush`. The event carries the time of the window's
/// first delta, so a replay shows the first token at exactly the recorded time to first token.
public struct DeltaCoalescer: Sendable, Equatable {
    /// Which stream a delta belongs to; a change of channel closes the window.
    public enum Channel: Sendable, Equatable {
        case text
        case reasoning
        case toolCall(index: Int)
    }

    private struct Pending: Sendable, Equatable {
        var channel: Channel
        var startMs: Int
        var text: String
        var toolID: String?
        var toolName: String?
    }

    public let run: Int
    public let windowMs: Int
    private var pending: Pending?

    public init(run: Int, windowMs: Int = 50) {
        self.run = run
        self.windowMs = windowMs
    }

    /// True when a window is open (something would be lost if the process died now).
    public var hasPending: Bool { pending != nil }

    /// Adds a delta received `ms` after the run started; returns the events whose window closed.
    public mutating func add(_ channel: Channel, _ text: String, atMs ms: Int, toolID: String? = nil, toolName: String? = nil) -> [SessionEvent] {
        var out: [SessionEvent] = []
        if let p = pending, p.channel != channel, let e = flush() { out.append(e) }
        if pending == nil {
            pending = Pending(channel: channel, startMs: ms, text: text, toolID: toolID, toolName: toolName)
        } else {
            pending?.text += text
            if pending?.toolID == nil { pending?.toolID = toolID }
            if pending?.toolName == nil { pending?.toolName = toolName }
        }
        if let p = pending, ms - p.startMs >= windowMs, let e = flush() { out.append(e) }
        return out
    }

    /// Closes the window if it has been open for a whole window by `ms` (for a timer while the stream is quiet).
    public mutating func flushIfDue(atMs ms: Int) -> SessionEvent? {
        guard let p = pending, ms - p.startMs >= windowMs else { return nil }
        return flush()
    }

    /// Closes the open window, if any.
    public mutating func flush() -> SessionEvent? {
        guard let p = pending else { return nil }
        pending = nil
        switch p.channel {
        case .text: return .text(DeltaEvent(run: run, ms: p.startMs, text: p.text))
        case .reasoning: return .reasoning(DeltaEvent(run: run, ms: p.startMs, text: p.text))
        case .toolCall(let index):
            return .toolCall(ToolCallEvent(run: run, ms: p.startMs, index: index, id: p.toolID, name: p.toolName, arguments: p.text))
        }
    }
}
