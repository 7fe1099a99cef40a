/// Display width of graphemes, as the terminal will draw them.
///
/// Widths come from glibc's `wcwidth` (see `WidthTable`), because ncurses measures with it: if
/// the app measured differently, rows would shift. A grapheme is drawn as its scalars one after
/// another (ZWJ, VS16 and skin-tone modifiers removed, see `DisplayClusters`), so its width is the
/// sum of its scalars' widths: `e`+U+0301 is 1, 日 is 2, 👨‍👩‍👧 is 6 and 🇯🇵 is 2, which is what
/// glibc-based terminals show once the joiners are gone.
public enum TextWidth {
    /// Columns one grapheme takes: 0 (combining, zero-width, controls), 1, 2, or more for a
    /// grapheme made of several spacing scalars (flags, emoji sequences).
    @inlinable
    public static func of(_ grapheme: Character) -> Int {
        let utf8 = grapheme.utf8
        if utf8.count == 1, let b = utf8.first { return b >= 0x20 && b < 0x7F ? 1 : 0 }
        var n = 0
        var previous: Unicode.Scalar?
        for scalar in grapheme.unicodeScalars {
            if !isDroppedModifier(scalar, after: previous) { n += of(scalar: scalar) }
            previous = scalar
        }
        return n
    }

    /// True for an emoji skin-tone modifier (U+1F3FB–U+1F3FF) right after an emoji it modifies.
    /// Modern terminals draw 👍🏽 in two cells but glibc counts four, so the display form drops
    /// the modifier (like ZWJ and VS16) and 👍🏽 is drawn as 👍.
    @inlinable
    public static func isDroppedModifier(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Bool {
        guard (0x1F3FB...0x1F3FF).contains(scalar.value), let previous else { return false }
        return previous.properties.isEmojiModifierBase
    }

    /// Columns one scalar takes on its own; scalars glibc cannot print count 0 (never drawn raw).
    @inlinable
    public static func of(scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        let w = rawWidth(v)
        return w < 0 ? 0 : Int(w)
    }

    /// Columns a whole string takes (the sum over its scalars, so no grapheme breaking is needed).
    public static func of(_ text: some StringProtocol) -> Int {
        let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var n = 0
            for b in bytes {
                if b >= 0x80 { return nil }
                if b >= 0x20 && b < 0x7F { n += 1 }
            }
            return n
        }
        if let fast, let n = fast { return n }
        var n = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if !isDroppedModifier(scalar, after: previous) { n += of(scalar: scalar) }
            previous = scalar
        }
        return n
    }

    /// True when the terminal can draw `scalar` (glibc's wcwidth is not -1).
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 }
        return rawWidth(v) >= 0
    }

    /// glibc's wcwidth for a code point: -1, 0, 1 or 2.
    @usableFromInline
    static func rawWidth(_ v: UInt32) -> Int8 {
        if v < 0x10000 { return WidthLookup.basic[Int(v)] }
        return WidthLookup.astral(v)
    }
}

/// Fast lookups built once from the generated `WidthTable` ranges.
enum WidthLookup {
    /// One entry per Basic Multilingual Plane code point (64 KiB), so most text costs one load.
    static let basic: [Int8] = {
        var table = [Int8](repeating: 1, count: 0x10000)
        func mark(_ ranges: [UInt32], _ width: Int8) {
            var i = 0
            while i + 1 < ranges.count {
                let lo = ranges[i], hi = min(ranges[i + 1], 0xFFFF)
                if lo <= 0xFFFF { for v in lo...hi { table[Int(v)] = width } }
                i += 2
            }
        }
        mark(WidthTable.zeroWidth, 0)
        mark(WidthTable.doubleWidth, 2)
        mark(WidthTable.nonPrintable, -1)
        return table
    }()

    /// Sorted non-overlapping ranges above the BMP with their width.
    static let astralRanges: [AstralRange] = {
        var out: [AstralRange] = []
        func add(_ ranges: [UInt32], _ width: Int8) {
            var i = 0
            while i + 1 < ranges.count {
                let lo = max(ranges[i], 0x10000), hi = ranges[i + 1]
                if hi >= 0x10000 { out.append(AstralRange(lo: lo, hi: hi, width: width)) }
                i += 2
            }
        }
        add(WidthTable.zeroWidth, 0)
        add(WidthTable.doubleWidth, 2)
        add(WidthTable.nonPrintable, -1)
        return out.sorted { $0.lo < $1.lo }
    }()

    static func astral(_ v: UInt32) -> Int8 {
        let ranges = astralRanges
        var lo = 0, hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = ranges[mid]
            if v < r.lo { hi = mid - 1 } else if v > r.hi { lo = mid + 1 } else { return r.width }
        }
        return 1
    }
}

/// A range of code points sharing one width.
struct AstralRange: Sendable {
    let lo: UInt32
    let hi: UInt32
    let width: Int8
}
