/// Sanitises text that arrives in pieces (stream deltas) so an escape sequence or a `\r\n` split
/// across two pieces is recognised whole.
///
/// Safety never depends on this: every piece is safe on its own. It only keeps a split sequence in
/// one inert span and avoids a stray ␍ when `\r` and `\n` arrive apart. A held-back tail longer than
/// `maxHeldBytes` is released as it is.
public struct StreamSanitizer: Sendable {
    /// Bytes of an unfinished sequence kept waiting for the next piece, at most.
    public var maxHeldBytes: Int
    private var pending = ""

    public init(maxHeldBytes: Int = 4096) {
        self.maxHeldBytes = maxHeldBytes
    }

    /// Sanitises `piece` together with any tail held back from the previous piece.
    public mutating func feed(_ piece: String) -> SanitizedText {
        let input = pending.isEmpty ? piece : pending + piece
        var scan = SanitizerScan(holdBackIncompleteTail: true)
        let (out, rest) = scan.run(input)
        if rest.utf8.count > maxHeldBytes {
            pending = ""
            var all = out
            all.append(TextSanitizer.sanitize(rest))
            return all
        }
        pending = rest
        return out
    }

    /// Releases whatever is held back (the stream ended).
    public mutating func finish() -> SanitizedText {
        defer { pending = "" }
        return TextSanitizer.sanitize(pending)
    }
}
