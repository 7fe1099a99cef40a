import Foundation

/// A test set or check that cannot be read, in one line: `place: what` (`cases.csv:4: no value for column email`).
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `file`, `file:line` or `file:line:column`.
    public var place: String
    public var message: String

    public init(place: String, message: String) {
        self.place = place
        self.message = message
    }

    public var description: String { place.isEmpty ? message : "\(place): \(message)" }
}
