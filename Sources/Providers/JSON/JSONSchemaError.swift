import Foundation

/// A schema that is not a schema this validator understands, with the place (`$.properties.age.type`).
public struct JSONSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
