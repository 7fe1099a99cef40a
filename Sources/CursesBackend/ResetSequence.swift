/// The bytes that give the terminal back after a crash or on exit: leave the alternate screen,
/// show the cursor, mouse and bracketed paste off, attributes off.
enum ResetSequence {
    /// Mouse tracking modes ncurses or we may have turned on (normal, button-event, any-event, SGR).
    static let mouseOff = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l"
    /// Bracketed paste off.
    static let pasteOff = "\u{1B}[?2004l"
    /// Bracketed paste on (used when terminfo has no `BE`).
    static let pasteOn = "\u{1B}[?2004h"

    /// Builds the sequence from terminfo strings (nil when the terminal lacks the capability);
    /// padding such as `$<5>` is removed because nobody interprets it on a raw write.
    static func build(exitAlternateScreen: String?, showCursor: String?, keypadLocal: String?, resetAttributes: String?) -> [UInt8] {
        var text = ""
        text += stripPadding(exitAlternateScreen ?? "")
        text += stripPadding(showCursor ?? "")
        text += stripPadding(keypadLocal ?? "")
        text += mouseOff
        text += pasteOff
        text += stripPadding(resetAttributes ?? "")
        return Array(text.utf8)
    }

    /// Removes terminfo delay specifications (`$<digits[*][/]>`).
    static func stripPadding(_ capability: String) -> String {
        var out = ""
        var scalars = capability.unicodeScalars[...]
        while let first = scalars.first {
            if first == "$", scalars.dropFirst().first == "<", let close = scalars.firstIndex(of: ">") {
                let inside = scalars[scalars.index(scalars.startIndex, offsetBy: 2)..<close]
                if !inside.isEmpty, inside.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "*" || $0 == "/" }) {
                    scalars = scalars[scalars.index(after: close)...]
                    continue
                }
            }
            out.unicodeScalars.append(first)
            scalars = scalars.dropFirst()
        }
        return out
    }
}
