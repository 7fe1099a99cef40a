import Foundation

/// Finds text that was removed in one place and added in another: each change of a diff is a removed
/// range of the old tokens and an added range of the new ones; a significant run of one side found
/// inside a change of the other side is split out and marked as a move on both sides.
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
    /// Per id: whether it is a word-like token, and how many graphemes it has.
    let isWordLike: [Bool]
    let length: [Int]
    /// Token comparisons allowed in the search, so a diff full of changes stays fast.
    let budget: Int
    private(set) var work = 0
    private(set) var changes: [Change]
    private var moves = 0

    init(a: [Int], b: [Int], isWordLike: [Bool], length: [Int], changes: [(a: Range<Int>, b: Range<Int>)], budget: Int = 2_000_000) {
        self.a = a
        self.b = b
        self.isWordLike = isWordLike
        self.length = length
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

    /// Finds and marks one move, the longest candidate first; false when there is none.
    private mutating func findOne() -> Bool {
        var candidates: [(Location, Range<Int>)] = []
        for (c, change) in changes.enumerated() {
            for (p, piece) in change.old.enumerated() where piece.move == nil {
                if let t = trimmed(piece.range, in: a), isSignificant(t, in: a) { candidates.append((Location(change: c, isOld: true, piece: p), t)) }
            }
            for (p, piece) in change.new.enumerated() where piece.move == nil {
                if let t = trimmed(piece.range, in: b), isSignificant(t, in: b) { candidates.append((Location(change: c, isOld: false, piece: p), t)) }
            }
        }
        candidates.sort { $0.1.count > $1.1.count }
        for (location, range) in candidates {
            let needle = Array((location.isOld ? a : b)[range])
            let haystack = location.isOld ? b : a
            // A match inside the same change is text that stayed in place, not a move.
            for (c, change) in changes.enumerated() where c != location.change {
                let pieces = location.isOld ? change.new : change.old
                for (p, piece) in pieces.enumerated() where piece.move == nil {
                    guard let found = firstOccurrence(of: needle, in: haystack, within: piece.range) else { continue }
                    let other = Location(change: c, isOld: !location.isOld, piece: p)
                    moves += 1
                    // Different changes: splitting one piece leaves the other's index valid.
                    split(other, at: found, move: moves)
                    split(location, at: range, move: moves)
                    return true
                }
                if work >= budget { return false }
            }
        }
        return false
    }

    /// The range without whitespace and punctuation at its ends; nil when nothing word-like is left.
    private func trimmed(_ range: Range<Int>, in ids: [Int]) -> Range<Int>? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, !isWordLike[ids[lo]] { lo += 1 }
        while hi > lo, !isWordLike[ids[hi - 1]] { hi -= 1 }
        return lo < hi ? lo..<hi : nil
    }

    /// Two or more words, or one word of at least four characters: a lone "a" or "the" elsewhere is no move.
    private func isSignificant(_ range: Range<Int>, in ids: [Int]) -> Bool {
        var words = 0, longest = 0
        for i in range where isWordLike[ids[i]] {
            words += 1
            longest = max(longest, length[ids[i]])
        }
        return words >= 2 || longest >= 4
    }

    private mutating func firstOccurrence(of needle: [Int], in haystack: [Int], within range: Range<Int>) -> Range<Int>? {
        guard let first = needle.first, needle.count <= range.count else { return nil }
        var i = range.lowerBound
        let last = range.upperBound - needle.count
        while i <= last {
            work += 1
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                work += k
                if k == needle.count { return i..<(i + needle.count) }
            }
            i += 1
        }
        return nil
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
