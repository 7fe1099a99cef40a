/// Blind judging: names hidden, columns shuffled, a verdict by single keys.
public struct BlindState: Sendable, Equatable {
    /// Display slot → column index (the shuffle).
    public var order: [Int]
    /// Slots picked so far, best first (a ranking for more than two columns).
    public var ranking: [Int] = []
    /// Set once the verdict is recorded: names are shown again.
    public var revealed = false

    public init(order: [Int]) { self.order = order }

    /// The letter shown for a display slot.
    public static func letter(_ slot: Int) -> String {
        slot < 26 ? String(UnicodeScalar(UInt8(65 + slot))) : "#\(slot + 1)"
    }
}

/// A verdict recorded in this session, for the win-rate summary.
public struct VerdictRecord: Sendable, Equatable {
    /// Best first; each entry is (model, instruction variant name).
    public var ranking: [(model: String, variant: String?)]
    public var tie: Bool

    public init(ranking: [(model: String, variant: String?)], tie: Bool) {
        self.ranking = ranking
        self.tie = tie
    }

    public static func == (a: VerdictRecord, b: VerdictRecord) -> Bool {
        a.tie == b.tie && a.ranking.count == b.ranking.count
            && zip(a.ranking, b.ranking).allSatisfy { $0.model == $1.model && $0.variant == $1.variant }
    }
}
