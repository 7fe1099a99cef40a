/// What one cell hands to `setcchar`: a spacing scalar plus combining scalars, never a control
/// character, with a width that matches what the cell buffer reserved.
struct CellGlyph: Sendable, Hashable {
    /// The scalars for the `cchar_t` (first spacing, the rest zero-width).
    var scalars: [UInt32]
    /// The buffer reserved two columns but the C library measures one: draw a space after it so
    /// the second column does not keep stale content.
    var padAfter: Bool

    init(scalars: [UInt32], padAfter: Bool) {
        self.scalars = scalars
        self.padAfter = padAfter
    }

    /// `maxScalars` is `CCHARW_MAX`; `wcwidth` is the C library's, which ncurses uses to lay out.
    init(grapheme: String, width: Int, maxScalars: Int, wcwidth: (UInt32) -> Int32) {
        var scalars: [UInt32] = []
        for scalar in grapheme.unicodeScalars {
            let value = scalar.value
            if scalars.isEmpty {
                scalars.append(Self.isControl(value) || wcwidth(value) < 0 ? 0x3F : value)
                continue
            }
            // A ZWJ sequence would be measured by the C library as the sum of its parts, while
            // terminals draw one glyph: keep only the first part (see NCURSES.md §2).
            if value == 0x200D { break }
            if value == 0xFE0E || value == 0xFE0F { continue }
            guard scalars.count < maxScalars, !Self.isControl(value), wcwidth(value) == 0 else { continue }
            scalars.append(value)
        }
        if scalars.isEmpty { scalars = [0x20] }
        var drawn = Int(wcwidth(scalars[0]))
        if drawn == 0 {
            // A lone combining mark: put it on a space, as terminals do.
            scalars.insert(0x20, at: 0)
            if scalars.count > maxScalars { scalars.removeLast() }
            drawn = 1
        }
        var pad = false
        if drawn > width {
            scalars = [0x3F]
        } else if drawn < width {
            pad = true
        }
        self.scalars = scalars
        self.padAfter = pad
    }

    /// C0, DEL and C1 controls: ncurses would interpret or expand them.
    static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }
}
