import Foundation

/// What a comparison group compares; an open set of names, so a newer kind still reads.
public struct GroupKind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// One model, several instructions.
    public static let instructions = GroupKind(rawValue: "instructions")
    /// One prompt, several models.
    public static let models = GroupKind(rawValue: "models")
    /// Instructions × models.
    public static let grid = GroupKind(rawValue: "grid")
    /// Saved runs run again beside the originals.
    public static let rerun = GroupKind(rawValue: "rerun")
    /// Cases × instructions × models with checks (`refract eval`): every cell a run, check results after each.
    public static let evaluation = GroupKind(rawValue: "evaluation")

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public var description: String { rawValue }
}
