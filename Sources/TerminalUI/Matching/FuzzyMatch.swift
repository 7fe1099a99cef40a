/// A fuzzy match: how good it is and which graphemes of the candidate matched.
public struct FuzzyMatch: Sendable, Hashable {
    /// Higher is better; only comparable between matches of the same pattern.
    public var score: Int
    /// Grapheme offsets in the candidate, ascending, one per pattern grapheme.
    public var positions: [Int]

    public init(score: Int, positions: [Int]) {
        self.score = score
        self.positions = positions
    }
}
