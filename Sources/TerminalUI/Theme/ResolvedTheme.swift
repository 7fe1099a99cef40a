/// A theme resolved for one colour depth: role → `Style`, computed once, indexed while drawing.
public struct ResolvedTheme: Sendable, Equatable {
    public let theme: Theme
    public let depth: ColorDepth
    private let styles: [ThemeRole: Style]

    public init(theme: Theme, depth: ColorDepth) {
        self.theme = theme
        self.depth = depth
        var styles: [ThemeRole: Style] = [:]
        for role in ThemeRole.all { styles[role] = theme.style(for: role, depth: depth) }
        for role in theme.roles.keys where styles[role] == nil { styles[role] = theme.style(for: role, depth: depth) }
        self.styles = styles
    }

    /// The style for `role` (roles outside `ThemeRole.all` are resolved on the spot).
    public subscript(role: ThemeRole) -> Style {
        styles[role] ?? theme.style(for: role, depth: depth)
    }

    /// The compiled-in dark theme at 256 colours: a handy default for widgets and tests.
    public static let standard = ResolvedTheme(theme: .default, depth: .palette256)

    /// Every role plain: screen tests that compare text only.
    public static let plain = ResolvedTheme(theme: Theme(name: "plain", roles: [:]), depth: .none)
}
