/// What a theme file says about one role; unset fields come from the parent role.
///
/// A colour and its 16-colour fallback are inherited as a pair: a role that sets only `fg = 75`
/// falls back to the ANSI colour nearest 75, not to its parent's `fg16`.
public struct RoleStyle: Sendable, Hashable {
    public var fg: ThemeColor?
    public var bg: ThemeColor?
    public var fg16: ThemeColor?
    public var bg16: ThemeColor?
    public var bold: Bool?
    public var dim: Bool?
    public var italic: Bool?
    public var underline: Bool?
    public var reverse: Bool?

    public init(
        fg: ThemeColor? = nil, bg: ThemeColor? = nil, fg16: ThemeColor? = nil, bg16: ThemeColor? = nil,
        bold: Bool? = nil, dim: Bool? = nil, italic: Bool? = nil, underline: Bool? = nil, reverse: Bool? = nil
    ) {
        self.fg = fg
        self.bg = bg
        self.fg16 = fg16
        self.bg16 = bg16
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    /// The keys a role table may hold in a theme file.
    public static let keys: [String] = ["fg", "bg", "fg16", "bg16", "bold", "dim", "italic", "underline", "reverse"]

    /// `self` with every field `child` sets taken from `child` (colours as pairs).
    public func overlaid(by child: RoleStyle) -> RoleStyle {
        var out = self
        if child.fg != nil || child.fg16 != nil {
            out.fg = child.fg
            out.fg16 = child.fg16
        }
        if child.bg != nil || child.bg16 != nil {
            out.bg = child.bg
            out.bg16 = child.bg16
        }
        out.bold = child.bold ?? bold
        out.dim = child.dim ?? dim
        out.italic = child.italic ?? italic
        out.underline = child.underline ?? underline
        out.reverse = child.reverse ?? reverse
        return out
    }

    /// The terminal style for a colour depth (`.none`: attributes only, for `NO_COLOR`).
    public func style(depth: ColorDepth) -> Style {
        var attributes: Style.Attributes = []
        if bold == true { attributes.insert(.bold) }
        if dim == true { attributes.insert(.dim) }
        if italic == true { attributes.insert(.italic) }
        if underline == true { attributes.insert(.underline) }
        if reverse == true { attributes.insert(.reverse) }
        switch depth {
        case .none:
            return Style(attributes: attributes)
        case .ansi16:
            return Style(
                foreground: (fg16 ?? fg?.approximated16 ?? .default).color,
                background: (bg16 ?? bg?.approximated16 ?? .default).color,
                attributes: attributes)
        case .palette256:
            return Style(foreground: (fg ?? fg16 ?? .default).color, background: (bg ?? bg16 ?? .default).color, attributes: attributes)
        }
    }
}
