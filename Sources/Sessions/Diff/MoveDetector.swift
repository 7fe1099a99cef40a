import Foundation

/// Finds text that was removed in one place and added in another: each change of a diff is a removed
/// range of the old tokens and an added range of the new ones; the longest run of tokens a removed
/// piece shares with an added piece of another change (if long enough to mean something, see
/// `isSignificant`) is split out and marked as a move on
/// both sides, and so on until none is left or the work budget is spent.
struct MoveDetector {
    /// A part of a change: a token range on one side, moved (with its move number) or not.
    struct Piece: Sendable, Equatable {
        var range: Range<Int>
        var move: Int?
    }

    /// The pieces of one change: the old side's, then the new side's.
    struct Change: Sendable, Equatable {
        var old: [Piece]
        var new: [Piece]
    }

    let a: [Int]
    let b: [Int]
    /// Per id: whether it is a word-like token, and its weight (graphemes; 2 for a CJK character).
    let isWordLike: [Bool]
    let weight: [Int]
    /// Per id: how many times it occurs in each text.
    let occurrences: [(old: Int, new: Int)]
    /// Token comparisons allowed in the search, so a diff full of changes stays fast.
    let budget: Int
    private(set) var work = 0
    private(set) var changes: [Change]
    private var moves = 0

    init(a: [Int], b: [Int], isWordLike: [Bool], weight: [Int], changes: [(a: Range<Int>, b: Range<Int>)], budget: Int = 1_000_000) {
        self.a = a
        self.b = b
        self.isWordLike = isWordLike
        self.weight = weight
        var counts = [(old: Int, new: Int)](repeating: (0, 0), count: isWordLike.count)
        for id in a { counts[id].old += 1 }
        for id in b { counts[id].new += 1 }
        occurrences = counts
        self.budget = budget
        self.changes = changes.map { c in
            Change(old: c.a.isEmpty ? [] : [Piece(range: c.a)], new: c.b.isEmpty ? [] : [Piece(range: c.b)])
        }
    }

    /// Marks moves until no more are found (or the budget is spent); returns the changes split into pieces.
    mutating func run(maxMoves: Int = 500) -> [Change] {
        while moves < maxMoves, work < budget, findOne() {}
        return changes
    }

    /// A place in `changes`: change index, side, piece index.
    private struct Location {
        var change: Int
        var isOld: Bool
        var piece: Int
    }

    /// Finds and marks one move: the longest significant run of tokens that a removed piece and an
    /// added piece of another change share. False when there is none (or the budget is spent).
    private mutating func findOne() -> Bool {
        var best: (old: Location, new: Location, oldRange: Range<Int>, newRange: Range<Int>, score: Score)?
        for (c, change) in changes.enumerated() {
            for (p, piece) in change.old.enumerated() where piece.move == nil {
                // A shared run inside the same change is text that stayed in place, not a move.
                for (d, other) in changes.enumerated() where d != c {
                    for (q, target) in other.new.enumerated() where target.move == nil {
                        // A pair that would overrun the budget is not compared at all: the bound is strict.
                        guard work + piece.range.count * target.range.count <= budget,
                              let found = longestShared(piece.range, target.range) else { continue }
                        if let kept = best, found.score <= kept.score { continue }
                        best = (Location(change: c, isOld: true, piece: p), Location(change: d, isOld: false, piece: q), found.old, found.new, found.score)
                    }
                }
            }
        }
        guard let best else { return false }
        moves += 1
        // Different changes: splitting one piece leaves the other's index valid.
        split(best.old, at: best.oldRange, move: moves)
        split(best.new, at: best.newRange, move: moves)
        return true
    }

    /// How much a shared run is worth: word-like tokens first, then their weight (characters).
    private struct Score: Comparable {
        var words: Int
        var characters: Int
        static func < (l: Score, r: Score) -> Bool { (l.words, l.characters) < (r.words, r.characters) }
    }

    /// Enough to be worth calling a move: two words or more of 7+ characters together ("light bends",
    /// four CJK characters), or one word of 4+ characters that occurs once in each text ("blue" in
    /// "red, green, blue" → "red, blue, green"). "of the", or a "that" the texts use again and again,
    /// turning up elsewhere is chance, not a move.
    private func isSignificant(_ score: Score, endingAt end: Int, length: Int) -> Bool {
        if score.words >= 2 { return score.characters >= 7 }
        guard score.words == 1, score.characters >= 4,
              let word = ((end - length)..<end).first(where: { isWordLike[a[$0]] }) else { return false }
        return occurrences[a[word]].old == 1 && occurrences[a[word]].new == 1
    }

    /// The longest run of tokens (by words) shared by `ra` in the old text and `rb` in the new one,
    /// trimmed to start and end on a word; nil when it is not significant.
    private mutating func longestShared(_ ra: Range<Int>, _ rb: Range<Int>) -> (old: Range<Int>, new: Range<Int>, score: Score)? {
        guard !ra.isEmpty, !rb.isEmpty else { return nil }
        work += ra.count * rb.count
        // Prefix sums over the old range: words and their characters up to each position.
        var words = [0], characters = [0]
        for i in ra {
            let id = a[i]
            words.append(words[words.count - 1] + (isWordLike[id] ? 1 : 0))
            characters.append(characters[characters.count - 1] + (isWordLike[id] ? weight[id] : 0))
        }
        // run[j]: length of the common run ending at the current old token and new token j.
        var previous = [Int](repeating: 0, count: rb.count + 1)
        var current = previous
        var best: (end: Int, endB: Int, length: Int, score: Score)?
        for (x, i) in ra.enumerated() {
            for (y, j) in rb.enumerated() {
                if a[i] == b[j] {
                    let run = previous[y] + 1
                    current[y + 1] = run
                    let score = Score(words: words[x + 1] - words[x + 1 - run], characters: characters[x + 1] - characters[x + 1 - run])
                    if let kept = best, score <= kept.score { continue }
                    best = (x + 1, y + 1, run, score)
                } else {
                    current[y + 1] = 0
                }
            }
            swap(&previous, &current)
        }
        guard let best, isSignificant(best.score, endingAt: ra.lowerBound + best.end, length: best.length) else { return nil }
        var oldRange = (ra.lowerBound + best.end - best.length)..<(ra.lowerBound + best.end)
        var newRange = (rb.lowerBound + best.endB - best.length)..<(rb.lowerBound + best.endB)
        // Start and end on a word, on both sides alike (the runs are equal token for token).
        while let first = oldRange.first, !isWordLike[a[first]] {
            oldRange = oldRange.dropFirst()
            newRange = newRange.dropFirst()
        }
        while let last = oldRange.last, !isWordLike[a[last]] {
            oldRange = oldRange.dropLast()
            newRange = newRange.dropLast()
        }
        return oldRange.isEmpty ? nil : (oldRange, newRange, best.score)
    }

    /// Replaces a piece by up to three: before the moved part, the moved part, after it.
    private mutating func split(_ location: Location, at moved: Range<Int>, move: Int) {
        let pieces = location.isOld ? changes[location.change].old : changes[location.change].new
        let whole = pieces[location.piece].range
        var replacement: [Piece] = []
        if whole.lowerBound < moved.lowerBound { replacement.append(Piece(range: whole.lowerBound..<moved.lowerBound)) }
        replacement.append(Piece(range: moved, move: move))
        if moved.upperBound < whole.upperBound { replacement.append(Piece(range: moved.upperBound..<whole.upperBound)) }
        var updated = pieces
        updated.replaceSubrange(location.piece...location.piece, with: replacement)
        if location.isOld { changes[location.change].old = updated } else { changes[location.change].new = updated }
    }
}
