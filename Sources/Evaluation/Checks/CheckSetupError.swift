import Foundation

/// A check that cannot be run as written (a bad regex, a bad path, a schema that is not a schema):
/// reported as the check's *error*, never as a pass.
public struct CheckSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
