/// A one-line message in the status area: what happened and, when it matters, what to do.
public struct Notice: Sendable, Equatable {
    /// How loud the notice is.
    public enum Level: Sendable, Equatable { case info, success, warning, error }
    public var text: String
    public var level: Level
    /// When it disappears (monotonic seconds); nil keeps it until replaced.
    public var expiresAt: Double?

    public init(_ text: String, level: Level = .info, expiresAt: Double? = nil) {
        self.text = text
        self.level = level
        self.expiresAt = expiresAt
    }
}
