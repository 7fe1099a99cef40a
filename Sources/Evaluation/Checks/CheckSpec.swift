import Foundation

/// One check as written in `[[checks]]` (or in a case's own `checks`): what it tests, its name, its weight,
/// and where it was written, for messages.
public struct CheckSpec: Sendable, Equatable {
    public var name: String
    public var weight: Double
    public var kind: CheckKind
    /// `file:line:col` of the check's table, or "" when built in code.
    public var place: String
    /// Only answers of these instruction variants get this check (`variants = ["ticket"]`); nil: every one.
    public var variants: [String]?

    public init(name: String? = nil, weight: Double = 1, kind: CheckKind, place: String = "", variants: [String]? = nil) {
        self.name = name ?? kind.defaultName
        self.weight = weight
        self.kind = kind
        self.place = place
        self.variants = variants
    }

    /// Whether answers of `variant` get this check.
    public func applies(to variant: String) -> Bool { variants?.contains(variant) ?? true }

    /// The `type` as written in the file (`contains-any`).
    public var type: String { kind.typeName }
}
