/// Turns untrusted text (model output) into text that cannot act on a terminal.
///
/// Everything that could act is made visible and inert:
/// - C0 controls except `\n` and `\t`, and DEL, become Control Pictures (␛ ␇ ␍ ␡ …);
/// - C1 controls (U+0080–U+009F) become ␛ plus their 7-bit form (U+009B is shown `␛[`);
/// - a whole escape sequence (CSI, OSC up to BEL/ST, DCS, SOS, PM, APC, two-byte escapes) is shown
///   as text starting with ␛, so the user sees what the model tried;
/// - bidi controls become markers such as `⟦RLO⟧` and are not applied;
/// - code points glibc cannot print become U+FFFD.
/// It also produces the display form: ZWJ and VS16 are removed (each emoji stands alone, so ncurses
/// and the terminal agree on widths), `\r\n` becomes `\n`, and U+2028/U+2029 become `\n`.
/// Text without any of these comes back unchanged (one pass over the UTF-8 bytes, no copy).
public enum TextSanitizer {
    /// Sanitises `text` and reports which parts of the result stand for inert controls.
    public static func sanitize(_ text: String) -> SanitizedText {
        var scanner = SanitizerScan(holdBackIncompleteTail: false)
        return scanner.run(text).sanitized
    }

    /// The same rules with the result as a plain string, for `refract run` writing to a terminal.
    public static func plainSanitized(_ text: String) -> String {
        sanitize(text).text
    }

    /// True when `text` would come back unchanged (nothing to neutralise or strip).
    public static func isClean(_ text: String) -> Bool {
        let result = sanitize(text)
        return result.inertRanges.isEmpty && result.text == text
    }
}

/// One pass of the sanitiser over a string's UTF-8 bytes.
struct SanitizerScan {
    /// When true, an escape sequence or `\r` cut off by the end of the input is not emitted but
    /// returned as `rest`, so a stream can glue it to the next chunk.
    let holdBackIncompleteTail: Bool

    private var out: [UInt8] = []
    private var changed = false
    private var copied = 0
    private var inert: [Range<Int>] = []

    init(holdBackIncompleteTail: Bool) {
        self.holdBackIncompleteTail = holdBackIncompleteTail
    }

    mutating func run(_ text: String) -> (sanitized: SanitizedText, rest: String) {
        var source = text
        let (restStart, count) = source.withUTF8 { bytes in (scan(bytes), bytes.count) }
        let rest: String
        if restStart < count {
            let utf8 = source.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: restStart)
            rest = String(source[start...])
        } else {
            rest = ""
        }
        guard changed || restStart < count else { return (SanitizedText(text: text), "") }
        if !changed {
            let utf8 = source.utf8
            let end = utf8.index(utf8.startIndex, offsetBy: restStart)
            return (SanitizedText(text: String(source[..<end])), rest)
        }
        return (SanitizedText(text: String(decoding: out, as: UTF8.self), inertRanges: inert), rest)
    }

    /// Scans the bytes; returns where the held-back tail starts (`bytes.count` when none).
    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if (b >= 0x20 && b != 0x7F) || b == 0x0A || b == 0x09 {
                    i += 1
                    continue
                }
                if b == 0x0D {
                    if i + 1 < n, bytes[i + 1] == 0x0A {
                        skip(bytes, i..<(i + 1))
                        i += 1
                        continue
                    }
                    if i + 1 == n, holdBackIncompleteTail { return finish(bytes, heldFrom: i) }
                }
                if b == 0x1B {
                    let (end, complete) = escapeEnd(bytes, from: i + 1)
                    if !complete, end == n, holdBackIncompleteTail { return finish(bytes, heldFrom: i) }
                    emitInert(bytes, i..<end)
                    i = end
                    continue
                }
                emitInert(bytes, i..<(i + 1))
                i += 1
                continue
            }
            let (v, len) = decode(bytes, i)
            switch v {
            case 0x80...0x9F:
                var end = i + len
                var complete = true
                if v == 0x9B {
                    (end, complete) = csiEnd(bytes, from: end)
                } else if v == 0x9D || v == 0x90 || v == 0x98 || v == 0x9E || v == 0x9F {
                    (end, complete) = stringEnd(bytes, from: end)
                }
                if !complete, end == n, holdBackIncompleteTail { return finish(bytes, heldFrom: i) }
                emitInert(bytes, i..<end)
                i = end
            case 0x200D, 0xFE0F:
                skip(bytes, i..<(i + len))
                i += len
            case 0x2028, 0x2029:
                skip(bytes, i..<(i + len))
                out.append(0x0A)
                i += len
            default:
                if BidiControl.isBidiControl(Unicode.Scalar(v) ?? " ") || TextWidth.rawWidth(v) < 0 {
                    emitInert(bytes, i..<(i + len))
                }
                i += len
            }
        }
        if changed { flush(bytes, upTo: n) }
        return n
    }

    private mutating func finish(_ bytes: UnsafeBufferPointer<UInt8>, heldFrom start: Int) -> Int {
        if changed { flush(bytes, upTo: start) }
        return start
    }

    /// Copies the untouched source bytes before `end` to the output.
    private mutating func flush(_ bytes: UnsafeBufferPointer<UInt8>, upTo end: Int) {
        if !changed {
            changed = true
            out.reserveCapacity(bytes.count + 64)
        }
        if copied < end { out.append(contentsOf: bytes[copied..<end]) }
        copied = end
    }

    /// Drops `range` from the output.
    private mutating func skip(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        flush(bytes, upTo: range.lowerBound)
        copied = range.upperBound
    }

    /// Writes the visible, inert form of `range` and records it as inert.
    private mutating func emitInert(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        flush(bytes, upTo: range.lowerBound)
        let start = out.count
        var i = range.lowerBound
        while i < range.upperBound {
            let (v, len) = decode(bytes, i)
            InertForm.append(scalarValue: v, to: &out)
            i += len
        }
        copied = range.upperBound
        guard out.count > start else { return }
        if let last = inert.last, last.upperBound == start {
            inert[inert.count - 1] = last.lowerBound..<out.count
        } else {
            inert.append(start..<out.count)
        }
    }

    /// The end of an escape sequence whose ESC came just before `j`, and whether it was terminated.
    private func escapeEnd(_ bytes: UnsafeBufferPointer<UInt8>, from j: Int) -> (Int, Bool) {
        let n = bytes.count
        guard j < n else { return (j, false) }
        switch bytes[j] {
        case 0x5B: return csiEnd(bytes, from: j + 1)  // [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: return stringEnd(bytes, from: j + 1)  // ] P X ^ _
        case 0x20...0x2F:
            var k = j
            while k < n, (0x20...0x2F).contains(bytes[k]) { k += 1 }
            if k < n, (0x30...0x7E).contains(bytes[k]) { return (k + 1, true) }
            return (k, k < n)
        case 0x30...0x7E: return (j + 1, true)
        default: return (j, true)
        }
    }

    /// CSI: parameter bytes, intermediate bytes, one final byte.
    private func csiEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Bool) {
        let n = bytes.count
        var j = start
        while j < n, (0x30...0x3F).contains(bytes[j]) { j += 1 }
        while j < n, (0x20...0x2F).contains(bytes[j]) { j += 1 }
        if j < n, (0x40...0x7E).contains(bytes[j]) { return (j + 1, true) }
        return (j, j < n)
    }

    /// OSC, DCS, SOS, PM, APC bodies: up to BEL, ST (ESC \ or U+009C), another ESC, or a newline
    /// (a newline ends it here so one stray OSC does not swallow the rest of the answer).
    private func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Bool) {
        let n = bytes.count
        var j = start
        while j < n {
            switch bytes[j] {
            case 0x07: return (j + 1, true)
            case 0x1B: return j + 1 < n ? (bytes[j + 1] == 0x5C ? j + 2 : j, true) : (j, false)
            case 0x0A: return (j, true)
            case 0xC2 where j + 1 < n && bytes[j + 1] == 0x9C: return (j + 2, true)
            default: j += 1
            }
        }
        return (n, false)
    }

    /// Decodes the scalar starting at `i` (the bytes come from a Swift String, so they are valid UTF-8).
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F), 4)
    }
}
