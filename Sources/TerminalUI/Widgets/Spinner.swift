/// A busy indicator whose frame comes from the elapsed time, so it needs no state of its own.
public struct Spinner: Widget {
    /// Braille dots, one column each.
    public static let dots = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    /// For terminals without braille.
    public static let ascii = ["|", "/", "-", "\\"]

    public var elapsed: Duration
    public var frames: [String]
    public var interval: Duration
    public var style: Style
    /// Text after the frame (`⠋ streaming`).
    public var label: String?
    public var labelStyle: Style

    public init(
        elapsed: Duration, frames: [String] = Spinner.dots, interval: Duration = .milliseconds(80), style: Style = .plain,
        label: String? = nil, labelStyle: Style? = nil
    ) {
        self.elapsed = elapsed
        self.frames = frames
        self.interval = interval
        self.style = style
        self.label = label
        self.labelStyle = labelStyle ?? style
    }

    /// The frame shown after `elapsed`.
    public var frame: String {
        guard !frames.isEmpty else { return "" }
        guard interval > .zero, elapsed > .zero else { return frames[0] }
        let steps = (elapsed / interval).rounded(.down)
        guard steps.isFinite, steps < 1e15 else { return frames[0] }
        return frames[Int(steps) % frames.count]
    }

    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        var x = buffer.write(frame, x: area.x, y: area.y, style: style, maxX: area.maxX)
        if let label {
            x = buffer.write(" ", x: x, y: area.y, style: labelStyle, maxX: area.maxX)
            buffer.write(label, x: x, y: area.y, style: labelStyle, maxX: area.maxX)
        }
    }
}
