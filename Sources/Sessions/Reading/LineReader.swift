import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file's lines as raw bytes, a chunk at a time, so a 100 MB session never sits in memory whole.
///
/// A line longer than `maxLineBytes` is never held: it is skipped and reported to `overlong`, so a
/// huge or binary file costs at most that much memory.
struct LineReader {
    /// One line: its bytes (without the newline), where it starts, and whether a newline ended it.
    typealias Body = (_ line: UnsafeRawBufferPointer, _ offset: Int, _ terminated: Bool) throws -> Bool
    /// A line that was too long: where it starts and how many bytes it has (up to where reading stopped).
    /// Returns whether to go on reading.
    typealias Overlong = (_ offset: Int, _ length: Int) throws -> Bool

    /// The longest line a session may hold: 64 MB (the writer's lines are far shorter; its text is
    /// coalesced per 50 ms). Longer lines are skipped with a warning.
    static let maxLineBytes = 64 << 20

    let fd: Int32
    var chunkSize = 1 << 20
    var maxLineBytes = LineReader.maxLineBytes
    var overlong: Overlong?

    /// Calls `body` for each line in `range` (the whole file by default) until it returns false.
    /// Returns the offset just past the last byte read.
    @discardableResult
    func forEachLine(in range: Range<Int>? = nil, _ body: Body) throws -> Int {
        var capacity = chunkSize
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var position = range?.lowerBound ?? 0
        let limit = range?.upperBound ?? Int.max
        var carried = 0
        var carriedOffset = position
        // Inside a line longer than the limit: its bytes are dropped up to the next newline.
        var skipping = false
        while true {
            if carried >= maxLineBytes {
                skipping = true
                carried = 0
            }
            if carried == capacity {
                // A line longer than the buffer: grow it.
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                bigger.copyMemory(from: buffer, byteCount: carried)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let want = min(capacity - carried, limit - position)
            var got = 0
            if want > 0 {
                got = pread(fd, buffer + carried, want, off_t(position))
                if got < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
            }
            if got == 0 {
                if skipping || carried > maxLineBytes {
                    _ = try overlong?(carriedOffset, position - carriedOffset)
                } else if carried > 0 {
                    _ = try body(UnsafeRawBufferPointer(start: buffer, count: carried), carriedOffset, false)
                }
                return position
            }
            position += got
            let filled = carried + got
            var lineStart = 0
            if skipping {
                guard let nl = memchr(buffer, 0x0A, filled) else {
                    carried = 0
                    continue
                }
                let lineEnd = buffer.distance(to: nl)
                skipping = false
                guard try overlong?(carriedOffset, position - got + lineEnd - carriedOffset) ?? true else { return position - got + lineEnd + 1 }
                lineStart = lineEnd + 1
                // The buffer now starts at the bytes just read.
                carriedOffset = position - got
            }
            while lineStart < filled {
                guard let nl = memchr(buffer + lineStart, 0x0A, filled - lineStart) else { break }
                let lineEnd = buffer.distance(to: nl)
                let line = UnsafeRawBufferPointer(start: buffer + lineStart, count: lineEnd - lineStart)
                let goOn = line.count > maxLineBytes
                    ? try overlong?(carriedOffset + lineStart, line.count) ?? true
                    : try body(line, carriedOffset + lineStart, true)
                guard goOn else { return carriedOffset + lineEnd + 1 }
                lineStart = lineEnd + 1
            }
            carried = filled - lineStart
            if carried > 0, lineStart > 0 { memmove(buffer, buffer + lineStart, carried) }
            carriedOffset += lineStart
        }
    }
}
