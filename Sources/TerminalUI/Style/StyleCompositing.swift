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
