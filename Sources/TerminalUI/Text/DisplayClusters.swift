/// Splits text into what one terminal cell can hold: one spacing scalar followed by the
/// zero-width scalars (combining marks) that ride on it.
///
/// Swift's graphemes can hold several spacing scalars (🇯🇵, 👍🏽, क + ि); ncurses' `setcchar` and
/// the terminal draw each of them in its own cells, so a cell must not hold more than one. Joiners
/// (ZWJ, VS16) and skin-tone modifiers are dropped so 👨‍👩‍👧 is three emoji and 👍🏽 is 👍, the
/// same width for ncurses and the terminal; bidi
/// controls and scalars glibc cannot print are dropped so nothing invisible reaches the terminal.
public enum DisplayClusters {
    /// Calls `body(cluster, width)` for every drawable cluster of `text`, in order.
    @inlinable
    public static func forEach(in text: some StringProtocol, _ body: (String, Int) -> Void) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for b in text.utf8 where b >= 0x20 && b < 0x7F {
                body(String(UnicodeScalar(b)), 1)
            }
            return
        }
        var cluster = ""
        var width = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if TextWidth.isDroppedModifier(scalar, after: previous) { continue }
            let w = TextWidth.of(scalar: scalar)
            if w > 0 {
                if width > 0 { body(cluster, width) }
                cluster = String(scalar)
                width = w
            } else if isDropped(scalar) {
                if !TextWidth.isPrintable(scalar), width > 0 {
                    // A control ends the cluster: marks after it have no base to sit on.
                    body(cluster, width)
                    cluster = ""
                    width = 0
                }
            } else if width > 0 {
                cluster.unicodeScalars.append(scalar)
            }
        }
        if width > 0 { body(cluster, width) }
    }

    /// Zero-width scalars that never go to the terminal.
    @inlinable
    public static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x200D || v == 0xFE0F || BidiControl.isBidiControl(scalar) || !TextWidth.isPrintable(scalar)
    }
}
