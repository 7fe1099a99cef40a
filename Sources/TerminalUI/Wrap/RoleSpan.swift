/// A part of a text (UTF-8 offsets) drawn in a theme role instead of the base role.
public struct RoleSpan: Sendable, Hashable {
    public var range: Range<Int>
    public var role: ThemeRole

    public init(range: Range<Int>, role: ThemeRole) {
        self.range = range
        self.role = role
    }
}
