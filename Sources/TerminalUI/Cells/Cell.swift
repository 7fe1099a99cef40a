/// One terminal cell: a grapheme, its display width, and its style.
///
/// A wide grapheme (CJK, most emoji) occupies its cell with `width == 2`, and the cell to its right
/// holds a continuation (`width == 0`, empty grapheme) so every row keeps exactly `width` cells.
public struct Cell: Sendable, Hashable {
    public var grapheme: String
    public var width: UInt8
    public var style: Style

    public init(_ grapheme: String, width: UInt8 = 1, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space in the plain style.
    public static let blank = Cell(" ")

    /// The right half of a wide grapheme.
    public static func continuation(style: Style) -> Cell { Cell("", width: 0, style: style) }

    public var isContinuation: Bool { width == 0 }
}
