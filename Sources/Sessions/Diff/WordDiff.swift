import Foundation

/// A word-level diff of two texts, for the re-run view and the comparison grid.
///
/// Pure. The texts are cut into words, whitespace, punctuation, single CJK characters and whole
/// emoji (`DiffTokenizer`); the tokens are aligned (`TokenAligner`: Myers within a work budget,
/// patience anchors on words for long texts); whitespace that is all two changes share is folded into
/// them, so changes read as phrases ("The cat" → "A dog" is one change, not two around a kept space);
/// then text removed in one place and added in another is marked moved on both sides
/// (`MoveDetector`): two swapped items are two moves. Both texts can be rebuilt exactly from their sides.
public struct WordDiff: Sendable, Equatable {
    /// The diff in reading order: shared text, then at each change the old side's pieces followed by the new side's.
    public let segments: [DiffSegment]
    /// True when part of the texts was too large or too different to align within the work budget and
    /// is shown as replaced whole (correct, but less fine-grained than it could be).
    public let isApproximate: Bool
    /// Work units the alignment and move search spent (bounded whatever the input).
    public let work: Int

    public init(old: String, new: String, detectMoves: Bool = true) {
        let oldTokens = DiffTokenizer.tokens(old)
        let newTokens = DiffTokenizer.tokens(new)
        var table = TokenTable()
        let a = oldTokens.map { table.id(of: $0) }
        let b = newTokens.map { table.id(of: $0) }
        let wordLike = table.isWordLike
        var aligner = TokenAligner(a: a, b: b, anchorable: { wordLike[$0] })
        let steps = aligner.run()
        let items = Self.foldBlankSames(Self.items(steps), tokens: oldTokens)
        let changes = items.compactMap { item -> (a: Range<Int>, b: Range<Int>)? in
            if case .change(let ra, let rb) = item { return (ra, rb) }
            return nil
        }
        var detector = MoveDetector(a: a, b: b, isWordLike: wordLike, weight: table.weight, changes: changes, budget: detectMoves ? 1_000_000 : 0)
        let split = detectMoves ? detector.run() : detector.changes
        var segments: [DiffSegment] = []
        var changeIndex = 0
        for item in items {
            switch item {
            case .same(let ra):
                segments.append(Self.segment(.same, oldTokens[ra]))
            case .change:
                let change = split[changeIndex]
                changeIndex += 1
                for piece in change.old {
                    segments.append(Self.segment(piece.move.map { .moved(.old, move: $0) } ?? .removed, oldTokens[piece.range]))
                }
                for piece in change.new {
                    segments.append(Self.segment(piece.move.map { .moved(.new, move: $0) } ?? .added, newTokens[piece.range]))
                }
            }
        }
        self.segments = segments
        isApproximate = aligner.approximations > 0
        work = aligner.work + detector.work
    }

    /// The old text's segments, in order (same, removed, moved away).
    public var oldSegments: [DiffSegment] { segments.filter(\.isInOld) }

    /// The new text's segments, in order (same, added, moved here).
    public var newSegments: [DiffSegment] { segments.filter(\.isInNew) }

    /// True when the two texts are equal.
    public var isIdentical: Bool { segments.allSatisfy { $0.kind == .same } }

    /// Words only in the new text.
    public var addedWords: Int { count { $0 == .added } }
    /// Words only in the old text.
    public var removedWords: Int { count { $0 == .removed } }
    /// Words that moved (counted once, on the old side).
    public var movedWords: Int {
        count { if case .moved(.old, _) = $0 { true } else { false } }
    }
    /// Words both texts share in place.
    public var sameWords: Int { count { $0 == .same } }

    /// The share of words kept (in place or moved), from 0 (nothing in common) to 1 (the same words).
    public var similarity: Double {
        let oldWords = sameWords + movedWords + removedWords
        let newWords = sameWords + movedWords + addedWords
        guard oldWords + newWords > 0 else { return 1 }
        return Double(2 * (sameWords + movedWords)) / Double(oldWords + newWords)
    }

    private func count(_ matching: (DiffSegment.Kind) -> Bool) -> Int {
        segments.reduce(0) { $0 + (matching($1.kind) ? $1.wordCount : 0) }
    }

    /// An aligned stretch: shared (its old range), or a change (old range removed, new range added).
    enum Item: Equatable {
        case same(Range<Int>)
        case change(Range<Int>, Range<Int>)
    }

    /// Groups the aligner's steps into shared stretches and changes.
    static func items(_ steps: [TokenAligner.Step]) -> [Item] {
        var out: [Item] = []
        for step in steps {
            switch step.operation {
            case .equal:
                out.append(.same(step.a))
            case .delete, .insert:
                if case .change(let ra, let rb) = out.last {
                    out[out.count - 1] = .change(ra.lowerBound..<max(ra.upperBound, step.a.upperBound), rb.lowerBound..<max(rb.upperBound, step.b.upperBound))
                } else {
                    out.append(.change(step.a, step.b))
                }
            }
        }
        return out
    }

    /// Whitespace alone between two changes becomes part of one change: "The cat" → "A dog" reads as
    /// one phrase replaced, not two words replaced around a kept space.
    static func foldBlankSames(_ items: [Item], tokens: [DiffToken]) -> [Item] {
        var out: [Item] = []
        for item in items {
            if case .change(let ra, let rb) = item, out.count >= 2,
               case .same(let blank) = out[out.count - 1], tokens[blank].allSatisfy({ $0.kind == .whitespace }),
               case .change(let pa, let pb) = out[out.count - 2] {
                out.removeLast(2)
                out.append(.change(pa.lowerBound..<ra.upperBound, pb.lowerBound..<rb.upperBound))
            } else {
                out.append(item)
            }
        }
        return out
    }

    private static func segment(_ kind: DiffSegment.Kind, _ tokens: ArraySlice<DiffToken>) -> DiffSegment {
        DiffSegment(kind, tokens.map(\.text).joined(), wordCount: tokens.reduce(0) { $0 + ($1.isWordLike ? 1 : 0) })
    }
}

/// Interns tokens as small integers so alignment compares numbers, not strings.
private struct TokenTable {
    private var ids: [DiffToken: Int] = [:]
    private(set) var isWordLike: [Bool] = []
    /// Graphemes, counting a CJK character as two (one carries about as much as a short word).
    private(set) var weight: [Int] = []

    mutating func id(of token: DiffToken) -> Int {
        if let id = ids[token] { return id }
        let id = isWordLike.count
        ids[token] = id
        isWordLike.append(token.isWordLike)
        weight.append(token.kind == .ideograph ? 2 : token.text.count)
        return id
    }
}
