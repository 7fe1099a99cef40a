import Foundation

/// Something worth telling the reader that did not stop anything (a retry, a dropped field).
public struct SessionWarning: Sendable, Equatable, Codable {
    /// The run it concerns, or nil for the session as a whole.
    public var run: Int?
    public var message: String

    public init(run: Int? = nil, message: String) {
        self.run = run
        self.message = message
    }

    enum CodingKeys: String, CodingKey { case run, message }
}
