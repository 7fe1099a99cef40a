import Foundation
import Providers

/// A comparison begins: a grid of instructions × models whose runs carry this `group` id.
public struct GroupStarted: Sendable, Equatable, Codable {
    public var group: Int
    public var at: Date
    public var kind: GroupKind
    /// The grid's rows: the instructions (their labels or texts), in display order.
    public var instructions: [String]
    /// The grid's columns, in display order.
    public var models: [ModelRef]
    /// An evaluation's case names, in order (absent for comparisons).
    public var cases: [String]?

    public init(group: Int, at: Date, kind: GroupKind, instructions: [String], models: [ModelRef], cases: [String]? = nil) {
        self.group = group
        self.at = at
        self.kind = kind
        self.instructions = instructions
        self.models = models
        self.cases = cases
    }

    enum CodingKeys: String, CodingKey { case group, at, kind, instructions, models, cases }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        group = try c.decode(Int.self, forKey: .group)
        at = try c.decodeTimestamp(forKey: .at)
        kind = try c.decodeIfPresent(GroupKind.self, forKey: .kind) ?? .grid
        instructions = try c.decodeIfPresent([String].self, forKey: .instructions) ?? []
        models = try c.decodeIfPresent([ModelRef].self, forKey: .models) ?? []
        cases = try c.decodeIfPresent([String].self, forKey: .cases)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(group, forKey: .group)
        try c.encode(SessionTimestamp.format(at), forKey: .at)
        try c.encode(kind, forKey: .kind)
        try c.encode(instructions, forKey: .instructions)
        try c.encode(models, forKey: .models)
        try c.encodeIfPresent(cases, forKey: .cases)
    }
}
