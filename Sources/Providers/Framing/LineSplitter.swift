import Foundation

/// Splits a byte stream into lines across reads, bounded per line.
///
/// Works on bytes only: UTF-8 never uses 0x0A or 0x0D inside a multi-byte sequence, so a code point
/// split across reads stays whole, and U+2028/U+2029/NEL are never line ends.
struct LineSplitter: Sendable {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    /// SSE ends lines at LF, CRLF or a lone CR; NDJSON only at LF (a CR before it is stripped).
    let carriageReturnEndsLine: Bool
    let maxLineBytes: Int

    private var buffer: [UInt8] = []
    /// The previous read ended with a CR that ended a line; an LF starting the next read belongs to it.
    private var pendingCarriageReturn = false
    /// Bytes of the current line dropped so far because it outgrew `maxLineBytes`.
    private var droppedBytes = 0

    init(carriageReturnEndsLine: Bool, maxLineBytes: Int = FramingLimits.maxLineBytes) {
        self.carriageReturnEndsLine = carriageReturnEndsLine
        self.maxLineBytes = max(1, maxLineBytes)
    }

    /// Feeds bytes; returns every line they complete.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [ByteLine] {
        var lines: [ByteLine] = []
        let count = bytes.count
        var index = 0
        if pendingCarriageReturn, count > 0 {
            pendingCarriageReturn = false
            if bytes[0] == Self.lineFeed { index = 1 }
        }
        var start = index
        while index < count {
            let byte = bytes[index]
            if byte == Self.lineFeed || (carriageReturnEndsLine && byte == Self.carriageReturn) {
                append(bytes, from: start, to: index)
                lines.append(takeLine())
                if byte == Self.carriageReturn {
                    if index + 1 < count {
                        if bytes[index + 1] == Self.lineFeed { index += 1 }
                    } else {
                        pendingCarriageReturn = true
                    }
                }
                index += 1
                start = index
            } else {
                index += 1
            }
        }
        append(bytes, from: start, to: count)
        return lines
    }

    /// The input ended: returns the last line if it had no line ending.
    mutating func finish() -> [ByteLine] {
        pendingCarriageReturn = false
        guard !buffer.isEmpty || droppedBytes > 0 else { return [] }
        return [takeLine()]
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        guard end > start else { return }
        let length = end - start
        if droppedBytes > 0 {
            droppedBytes += length
        } else if buffer.count + length > maxLineBytes {
            droppedBytes = buffer.count + length
            buffer = []
        } else {
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    private mutating func takeLine() -> ByteLine {
        if droppedBytes > 0 {
            let dropped = droppedBytes
            droppedBytes = 0
            return .oversized(byteCount: dropped)
        }
        var line = buffer
        buffer = []
        if !carriageReturnEndsLine, line.last == Self.carriageReturn { line.removeLast() }
        return .bytes(line)
    }
}
