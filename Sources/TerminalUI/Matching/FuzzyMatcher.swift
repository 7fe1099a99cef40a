/// fzf-like fuzzy matching: the pattern's characters must appear in order in the candidate;
/// matches at word starts (after a space, `-`, `_`, `/`, `.`, `:`, or a lower→upper change) and
/// consecutive runs score higher, gaps cost a little. Smart case: case-insensitive unless the
/// pattern has an upper-case letter.
///
/// The best alignment is found by dynamic programming over (pattern, candidate) positions, so
/// `"gpt4"` in `"openai/gpt-4o"` picks `g p t` and the `4` after the dash, not scattered letters.
/// Candidates longer than `maxCandidateLength` graphemes fall back to the first greedy match.
public struct FuzzyMatcher: Sendable {
    public static let matchScore = 16
    public static let gapStartPenalty = 3
    public static let gapExtensionPenalty = 1
    public static let wordStartBonus = 10
    public static let firstCharacterBonus = 8
    public static let consecutiveBonus = 6

    public var maxCandidateLength: Int

    public init(maxCandidateLength: Int = 512) {
        self.maxCandidateLength = maxCandidateLength
    }

    /// The best match of `pattern` in `candidate`, nil when it does not match. An empty pattern
    /// matches everything with score 0.
    public func match(_ pattern: String, in candidate: String) -> FuzzyMatch? {
        let caseSensitive = pattern.contains { $0.isUppercase }
        let p = Array(pattern).filter { $0 != " " }.map { fold($0, caseSensitive) }
        guard !p.isEmpty else { return FuzzyMatch(score: 0, positions: []) }
        let original = Array(candidate)
        let c = original.map { fold($0, caseSensitive) }
        guard c.count >= p.count, isSubsequence(p, of: c) else { return nil }
        let bonus = original.indices.map { bonusAt($0, in: original) }
        if c.count > maxCandidateLength { return greedy(p, c, bonus) }
        return best(p, c, bonus)
    }

    /// Candidates that match, best first (ties: shorter candidate, then original order), with their index.
    public func rank(_ pattern: String, in candidates: [String]) -> [(index: Int, match: FuzzyMatch)] {
        var hits: [(index: Int, match: FuzzyMatch, length: Int)] = []
        for (i, candidate) in candidates.enumerated() {
            if let m = match(pattern, in: candidate) { hits.append((i, m, candidate.count)) }
        }
        hits.sort { a, b in
            if a.match.score != b.match.score { return a.match.score > b.match.score }
            if a.length != b.length { return a.length < b.length }
            return a.index < b.index
        }
        return hits.map { ($0.index, $0.match) }
    }

    private func fold(_ ch: Character, _ caseSensitive: Bool) -> Character {
        caseSensitive ? ch : Character(ch.lowercased())
    }

    private func isSubsequence(_ p: [Character], of c: [Character]) -> Bool {
        var i = 0
        for ch in c where i < p.count && ch == p[i] { i += 1 }
        return i == p.count
    }

    /// Extra score for matching at candidate position `i`.
    private func bonusAt(_ i: Int, in c: [Character]) -> Int {
        if i == 0 { return Self.wordStartBonus + Self.firstCharacterBonus }
        let prev = c[i - 1], ch = c[i]
        if " -_/.:\\|,;".contains(prev) { return Self.wordStartBonus }
        if prev.isLowercase && ch.isUppercase { return Self.wordStartBonus - 2 }
        if !prev.isNumber && ch.isNumber { return Self.wordStartBonus / 2 }
        return 0
    }

    /// Optimal alignment. `score[i][j]`: best score with pattern[0...i] matched and pattern[i] at
    /// candidate position j; `run[i][j]`: length of the consecutive run ending there.
    private func best(_ p: [Character], _ c: [Character], _ bonus: [Int]) -> FuzzyMatch? {
        let n = p.count, m = c.count
        let none = Int.min / 4
        var score = [[Int]](repeating: [Int](repeating: none, count: m), count: n)
        var run = [[Int]](repeating: [Int](repeating: 0, count: m), count: n)
        var from = [[Int]](repeating: [Int](repeating: -1, count: m), count: n)
        // The bonus of the run's first grapheme: a consecutive run keeps it (fzf does the same),
        // so "abc" matched whole after a separator beats a, b, c scattered over word starts.
        var runBonus = [[Int]](repeating: [Int](repeating: 0, count: m), count: n)
        for j in 0..<m where c[j] == p[0] {
            score[0][j] = Self.matchScore + bonus[j]
            run[0][j] = 1
            runBonus[0][j] = bonus[j]
        }
        for i in stride(from: 1, to: n, by: 1) {
            // gapBest: the best score[i-1][k] for k <= j-2, minus the cost of the gap up to j.
            var gapBest = none
            var gapIndex = -1
            for j in 0..<m {
                if j >= 2 {
                    if gapBest > none { gapBest -= Self.gapExtensionPenalty }
                    let k = j - 2
                    if score[i - 1][k] > none, score[i - 1][k] - Self.gapStartPenalty > gapBest {
                        gapBest = score[i - 1][k] - Self.gapStartPenalty
                        gapIndex = k
                    }
                }
                guard j >= i, c[j] == p[i] else { continue }
                var best = none
                if score[i - 1][j - 1] > none {
                    let r = run[i - 1][j - 1] + 1
                    let b = max(bonus[j], runBonus[i - 1][j - 1])
                    best = score[i - 1][j - 1] + Self.matchScore + b + Self.consecutiveBonus * min(r - 1, 4)
                    from[i][j] = j - 1
                    run[i][j] = r
                    runBonus[i][j] = b
                }
                if gapIndex >= 0, gapBest + Self.matchScore + bonus[j] > best {
                    best = gapBest + Self.matchScore + bonus[j]
                    from[i][j] = gapIndex
                    run[i][j] = 1
                    runBonus[i][j] = bonus[j]
                }
                score[i][j] = best
            }
        }
        var end = -1
        var top = none
        for j in 0..<m where score[n - 1][j] > top {
            top = score[n - 1][j]
            end = j
        }
        guard end >= 0 else { return nil }
        var positions = [Int](repeating: 0, count: n)
        var j = end
        for i in stride(from: n - 1, through: 0, by: -1) {
            positions[i] = j
            j = from[i][j]
        }
        return FuzzyMatch(score: top, positions: positions)
    }

    /// First match left to right (for very long candidates).
    private func greedy(_ p: [Character], _ c: [Character], _ bonus: [Int]) -> FuzzyMatch? {
        var positions: [Int] = []
        var score = 0
        var i = 0
        for (j, ch) in c.enumerated() where i < p.count && ch == p[i] {
            score += Self.matchScore + bonus[j]
            if let last = positions.last {
                score += last == j - 1 ? Self.consecutiveBonus : -Self.gapStartPenalty
            }
            positions.append(j)
            i += 1
        }
        return i == p.count ? FuzzyMatch(score: score, positions: positions) : nil
    }
}
