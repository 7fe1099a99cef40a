/// One key and what it does, as shown in a hints line (`^R run`).
public struct KeyHint: Sendable, Hashable {
    public var key: String
    public var label: String

    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}

/// A one-line list of key hints (`^R run  ^M model  Esc cancel`). Hints are dropped whole from the
/// end when the line is too narrow, never cut in the middle.
public struct KeyHints: Widget {
    public var hints: [KeyHint]
    public var keyStyle: Style
    public var labelStyle: Style
    public var separator: String

    public init(_ hints: [KeyHint], keyStyle: Style = .plain, labelStyle: Style = .plain, separator: String = "  ") {
        self.hints = hints
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
        self.separator = separator
    }

    /// Hints in the status bar's roles (`status.key`, `status.text`).
    public init(_ hints: [KeyHint], theme: ResolvedTheme) {
        self.init(hints, keyStyle: theme[.statusKey], labelStyle: theme[.statusText])
    }

    /// How many hints fit in `width` columns.
    public func fittingCount(width: Int) -> Int {
        var used = 0
        for (i, hint) in hints.enumerated() {
            let w = (i == 0 ? 0 : TextWidth.of(separator)) + TextWidth.of(hint.key) + 1 + TextWidth.of(hint.label)
            if used + w > width { return i }
            used += w
        }
        return hints.count
    }

    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, with: Cell(" ", style: labelStyle))
        var x = area.x
        for (i, hint) in hints.prefix(fittingCount(width: area.width)).enumerated() {
            if i > 0 { x = buffer.write(separator, x: x, y: area.y, style: labelStyle, maxX: area.maxX) }
            x = buffer.write(hint.key, x: x, y: area.y, style: keyStyle, maxX: area.maxX)
            x = buffer.write(" " + hint.label, x: x, y: area.y, style: labelStyle, maxX: area.maxX)
        }
    }
}
