/// A pane frame: a border in `pane.border` (or `pane.border.focused`), titles in `pane.title`
/// (or `pane.title.focused`), and the inside cleared to the `text` style.
public struct Panel: Widget {
    public var title: String?
    public var rightTitle: String?
    public var focused: Bool
    public var theme: ResolvedTheme
    public var lines: BoxLines
    /// The role the inside is cleared with.
    public var fillRole: ThemeRole

    public init(
        title: String? = nil, rightTitle: String? = nil, focused: Bool = false, theme: ResolvedTheme,
        lines: BoxLines = .rounded, fillRole: ThemeRole = .text
    ) {
        self.title = title
        self.rightTitle = rightTitle
        self.focused = focused
        self.theme = theme
        self.lines = lines
        self.fillRole = fillRole
    }

    /// Where the pane's content goes.
    public func inner(_ area: Rect) -> Rect { Border.inner(area) }

    public func render(in area: Rect, into buffer: inout CellBuffer) {
        buffer.fill(inner(area), with: Cell(" ", style: theme[fillRole]))
        let border = Border(
            lines: lines,
            style: theme[focused ? .paneBorderFocused : .paneBorder],
            title: title,
            rightTitle: rightTitle,
            titleStyle: theme[focused ? .paneTitleFocused : .paneTitle],
            rightTitleStyle: theme[.paneTitle])
        border.render(in: area, into: &buffer)
    }
}
