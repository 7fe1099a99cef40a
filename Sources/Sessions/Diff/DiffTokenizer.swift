import Foundation

/// Splits text into `DiffToken`s, grapheme by grapheme, so an emoji or a letter with its accents is never cut.
public enum DiffTokenizer {
    /// The tokens of `text`; joined back together they give `text` exactly.
    public static func tokens(_ text: String) -> [DiffToken] {
        var out: [DiffToken] = []
        var current = ""
        var currentKind: DiffToken.Kind?
        let characters = Array(text)
        func close() {
            if let kind = currentKind, !current.isEmpty { out.append(DiffToken(kind, current)) }
            current = ""
            currentKind = nil
        }
        for (i, ch) in characters.enumerated() {
            let kind = classify(ch)
            switch kind {
            case .word, .whitespace:
                if currentKind != kind { close() }
                currentKind = kind
                current.append(ch)
            case .punctuation where isApostrophe(ch) && currentKind == .word
                && i + 1 < characters.count && classify(characters[i + 1]) == .word:
                // `don't`, `l’eau`: an apostrophe between letters stays inside the word.
                current.append(ch)
            case .ideograph, .emoji, .punctuation:
                close()
                out.append(DiffToken(kind, String(ch)))
            }
        }
        close()
        return out
    }

    /// The kind of one grapheme.
    static func classify(_ ch: Character) -> DiffToken.Kind {
        if ch.isWhitespace { return .whitespace }
        guard let first = ch.unicodeScalars.first else { return .punctuation }
        if isEmoji(ch, first: first) { return .emoji }
        if isIdeographic(first) { return .ideograph }
        if ch.isLetter || ch.isNumber || first.properties.isAlphabetic || ch == "_" { return .word }
        return .punctuation
    }

    private static func isApostrophe(_ ch: Character) -> Bool { ch == "'" || ch == "\u{2019}" }

    /// Pictographs shown as emoji: ones with emoji presentation by default, or made so by VS16, a
    /// skin-tone modifier or a joiner; flags (regional indicator pairs) and keycaps.
    private static func isEmoji(_ ch: Character, first: Unicode.Scalar) -> Bool {
        let scalars = ch.unicodeScalars
        let p = first.properties
        if p.isEmojiPresentation || (0x1F1E6...0x1F1FF).contains(first.value) { return true }
        if scalars.count > 1 && scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D || $0.properties.isEmojiModifier || $0.value == 0x20E3 }) {
            return p.isEmoji
        }
        return false
    }

    /// Han, Hiragana, Katakana, Hangul, and the CJK symbols and punctuation between them are
    /// handled one character at a time (these scripts write words without spaces).
    private static func isIdeographic(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, // Hiragana, Katakana
             0x31F0...0x31FF, // Katakana extensions
             0x3400...0x4DBF, // CJK Extension A
             0x4E00...0x9FFF, // CJK Unified Ideographs
             0xAC00...0xD7AF, // Hangul syllables
             0x1100...0x11FF, // Hangul Jamo
             0xF900...0xFAFF, // CJK Compatibility Ideographs
             0x20000...0x3134F: // Extensions B–G
            return true
        default:
            return false
        }
    }
}
