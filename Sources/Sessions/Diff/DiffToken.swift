import Foundation

/// One unit a word diff compares: a word, a run of whitespace, one punctuation mark, one CJK character or one emoji.
public struct DiffToken: Sendable, Hashable {
    /// What the token is; only word-like tokens count as words in the diff's figures.
    public enum Kind: Sendable, Hashable {
        /// Letters and digits (with inner apostrophes: `don't` is one word).
        case word
        /// One Han, kana or Hangul character: these scripts do not put spaces between words.
        case ideograph
        /// One emoji, whole (with its modifiers and joiners).
        case emoji
        /// A run of spaces, tabs and newlines.
        case whitespace
        /// One punctuation mark or symbol.
        case punctuation
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// Words, ideographs and emoji: what a reader counts as content.
    public var isWordLike: Bool {
        switch kind {
        case .word, .ideograph, .emoji: true
        case .whitespace, .punctuation: false
        }
    }
}
