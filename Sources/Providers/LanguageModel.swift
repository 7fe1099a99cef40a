import Foundation

/// Anything that streams an answer: a real provider client, a replayed session, a test double.
public protocol LanguageModel: Sendable {
    /// Streams the answer. The stream always finishes; a failure is its last part (`.error`).
    /// Cancelling the consuming task closes the connection.
    func stream(_ request: ModelRequest) -> AsyncStream<StreamPart>
}
