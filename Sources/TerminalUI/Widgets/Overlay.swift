/// A centred box drawn over everything else (help, pickers, confirmations): clears what is under
/// it, draws a border (no shadow) in `overlay.border` with the title in `overlay.title`, and leaves
/// the inside in `overlay.text` for the caller to fill.
public struct Overlay: Widget {
    public var title: String?
    public var rightTitle: String?
    /// The wanted outer size; clamped to the screen.
    public var width: Int
    public var height: Int
    public var theme: ResolvedTheme
    public var lines: BoxLines

    public init(title: String? = nil, rightTitle: String? = nil, width: Int, height: Int, theme: ResolvedTheme, lines: BoxLines = .rounded) {
        self.title = title
        self.rightTitle = rightTitle
        self.width = width
        self.height = height
        self.theme = theme
        self.lines = lines
    }

    /// The box's outer rectangle when centred in `screen`.
    public func frame(in screen: Rect) -> Rect {
        let w = min(width, screen.width), h = min(height, screen.height)
        return Rect(x: screen.x + (screen.width - w) / 2, y: screen.y + (screen.height - h) / 2, width: w, height: h)
    }

    /// Where the content goes when centred in `screen`.
    public func inner(in screen: Rect) -> Rect { Border.inner(frame(in: screen)) }

    /// Draws the box centred in `area` (usually the whole screen).
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        let box = frame(in: area)
        guard !box.isEmpty else { return }
        buffer.fill(box, with: Cell(" ", style: theme[.overlayText]))
        Border(
            lines: lines, style: theme[.overlayBorder], title: title, rightTitle: rightTitle,
            titleStyle: theme[.overlayTitle], rightTitleStyle: theme[.overlayBorder]
        ).render(in: box, into: &buffer)
    }
}
