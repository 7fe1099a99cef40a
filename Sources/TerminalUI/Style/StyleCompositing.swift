extension Style {
    /// `top` drawn over `self`: its colours where it sets them (non-default), attributes combined.
    /// Used to lay a cursor-line or selection background over text styles.
    public func overlaid(by top: Style) -> Style {
        Style(
            foreground: top.foreground == .default ? foreground : top.foreground,
            background: top.background == .default ? background : top.background,
            attributes: attributes.union(top.attributes))
    }
}

extension Style {
    /// `self` with the foreground and attributes of `accent` but its own background: a highlight
    /// (match, variable, inert control) that must keep the row's background (selection, cursor line).
    public func accented(by accent: Style) -> Style {
        Style(
            foreground: accent.foreground == .default ? foreground : accent.foreground,
            background: background,
            attributes: attributes.union(accent.attributes))
    }
}
