import Foundation

/// A stretch of a word diff: text both sides share, text only one side has, or text that moved.
public struct DiffSegment: Sendable, Hashable {
    /// Which text a piece of a diff belongs to.
    public enum Side: Sendable, Hashable {
        /// The earlier text (what was there before).
        case old
        /// The later text.
        case new
    }

    /// What happened to the segment's text.
    public enum Kind: Sendable, Hashable {
        case same
        /// Only in the new text.
        case added
        /// Only in the old text.
        case removed
        /// Text that is in both, at a different place: the `.old` occurrence marks where it left, the
        /// `.new` one where it arrived; both carry the same `move` number.
        case moved(Side, move: Int)
    }

    public var kind: Kind
    public var text: String
    /// How many word-like tokens (words, CJK characters, emoji) the text holds.
    public var wordCount: Int

    public init(_ kind: Kind, _ text: String, wordCount: Int = 0) {
        self.kind = kind
        self.text = text
        self.wordCount = wordCount
    }

    /// True when the segment is part of the old text (same, removed, or moved away from here).
    public var isInOld: Bool {
        switch kind {
        case .same, .removed, .moved(.old, _): true
        case .added, .moved(.new, _): false
        }
    }

    /// True when the segment is part of the new text (same, added, or moved to here).
    public var isInNew: Bool {
        switch kind {
        case .same, .added, .moved(.new, _): true
        case .removed, .moved(.old, _): false
        }
    }
}
