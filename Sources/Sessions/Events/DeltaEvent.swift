import Foundation

/// A coalesced piece of answer (or reasoning) text, `ms` after the run started.
public struct DeltaEvent: Sendable, Equatable, Codable {
    public var run: Int
    /// Milliseconds from the run's start to the first delta folded into this piece.
    public var ms: Int
    public var text: String

    public init(run: Int, ms: Int, text: String) {
        self.run = run
        self.ms = ms
        self.text = text
    }

    enum CodingKeys: String, CodingKey { case run, ms, text }
}
