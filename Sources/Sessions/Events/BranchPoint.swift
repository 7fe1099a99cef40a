import Foundation

/// Where a branch left the run it came from: that run's number, the token it replaced, the token put in
/// its place, and the whole answer-so-far the model was asked to continue.
///
/// The branch's own `text` events hold only what the model wrote after `prefix`; its answer as read is
/// `prefix` + that text.
public struct BranchPoint: Sendable, Equatable, Codable {
    /// The parent run's number in the same session.
    public var of: Int
    /// The index of the replaced token in the parent's answer (0-based).
    public var token: Int
    /// The token put in its place (an alternative the model offered, or one the user typed).
    public var chosen: String
    /// The answer so far, ending with `chosen`: what the model continued.
    public var prefix: String

    public init(of: Int, token: Int, chosen: String, prefix: String) {
        self.of = of
        self.token = token
        self.chosen = chosen
        self.prefix = prefix
    }
}
