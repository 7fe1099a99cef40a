import Foundation
import TerminalUI

/// Writes model text to stdout: inert (control characters and escape sequences made visible) when
/// stdout is a terminal, byte-exact when piped.
struct TerminalTextWriter {
    let toTerminal: Bool
    private var sanitizer = StreamSanitizer()

    init(toTerminal: Bool = isatty(1) == 1) { self.toTerminal = toTerminal }

    mutating func write(_ text: String) {
        let out = toTerminal ? sanitizer.feed(text).text : text
        if !out.isEmpty { Stdout.write(out) }
    }

    /// Flushes what the sanitiser held back (an unfinished escape sequence at the end of a stream).
    mutating func finish() {
        guard toTerminal else { return }
        let rest = sanitizer.finish().text
        if !rest.isEmpty { Stdout.write(rest) }
    }
}
