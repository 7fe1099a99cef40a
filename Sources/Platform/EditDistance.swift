/// Levenshtein distance, for "did you mean …?" suggestions.
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidates closest to `word` (at most `limit`, within `maxDistance`), closest first.
    public static func closest(to word: String, in candidates: [String], limit: Int = 3, maxDistance: Int? = nil) -> [String] {
        let bound = maxDistance ?? max(2, word.count / 3)
        let needle = word.lowercased()
        let scored: [(name: String, distance: Int)] = candidates.map { (name: $0, distance: between($0, word)) }
        let near = scored.filter { $0.distance <= bound || $0.name.lowercased().contains(needle) }
        let sorted = near.sorted { lhs, rhs in
            lhs.distance == rhs.distance ? lhs.name < rhs.name : lhs.distance < rhs.distance
        }
        return sorted.prefix(limit).map { $0.name }
    }
}
