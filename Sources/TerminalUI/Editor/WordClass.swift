/// The kind of a grapheme for word motions: runs of the same kind are one word.
enum WordClass: Equatable {
    case space, word, punctuation

    init(_ ch: Character) {
        if ch.isWhitespace {
            self = .space
        } else if ch.isLetter || ch.isNumber || ch == "_" || ch.unicodeScalars.first?.properties.isAlphabetic == true {
            self = .word
        } else {
            self = .punctuation
        }
    }
}
