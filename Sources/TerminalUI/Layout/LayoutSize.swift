/// How much of a row or column of space one part gets when a `Rect` is split.
public enum LayoutSize: Sendable, Hashable {
    /// Exactly this many cells (less if the space runs out).
    case fixed(Int)
    /// This percentage of the whole.
    case percent(Int)
    /// A share of what is left after fixed and percent parts, by weight.
    case fill(Int)

    /// Sizes for `sizes` in `total` cells: fixed and percent first (in order, clamped to what is
    /// left), then the rest shared by fill weight; rounding leftovers go to the last fill part.
    public static func resolve(_ sizes: [LayoutSize], total: Int) -> [Int] {
        var out = [Int](repeating: 0, count: sizes.count)
        var left = max(0, total)
        for (i, size) in sizes.enumerated() {
            switch size {
            case .fixed(let n): out[i] = min(max(0, n), left)
            case .percent(let p): out[i] = min(max(0, total * p / 100), left)
            case .fill: continue
            }
            left -= out[i]
        }
        let weights = sizes.map { if case .fill(let w) = $0 { max(0, w) } else { 0 } }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0, left > 0 else { return out }
        var given = 0
        var last = 0
        for (i, w) in weights.enumerated() where w > 0 {
            out[i] = left * w / totalWeight
            given += out[i]
            last = i
        }
        out[last] += left - given
        return out
    }
}

extension Rect {
    /// Splits into rows, top to bottom.
    public func rows(_ sizes: [LayoutSize]) -> [Rect] {
        var y = self.y
        return LayoutSize.resolve(sizes, total: height).map { h in
            defer { y += h }
            return Rect(x: x, y: y, width: width, height: h)
        }
    }

    /// Splits into columns, left to right, with `gap` empty cells between them.
    public func columns(_ sizes: [LayoutSize], gap: Int = 0) -> [Rect] {
        let gaps = max(0, gap) * max(0, sizes.count - 1)
        var x = self.x
        return LayoutSize.resolve(sizes, total: max(0, width - gaps)).map { w in
            defer { x += w + max(0, gap) }
            return Rect(x: x, y: y, width: w, height: height)
        }
    }

    /// `count` columns of equal width (side-by-side runs), the remainder going to the last.
    public func equalColumns(_ count: Int, gap: Int = 0) -> [Rect] {
        columns(Array(repeating: .fill(1), count: max(0, count)), gap: gap)
    }
}
