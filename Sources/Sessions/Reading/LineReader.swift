import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file's lines as raw bytes, a chunk at a time, so a 100 MB session never sits in memory whole.
struct LineReader {
    /// One line: its bytes (without the newline), where it starts, and whether a newline ended it.
    typealias Body = (_ line: UnsafeRawBufferPointer, _ offset: Int, _ terminated: Bool) throws -> Bool

    let fd: Int32
    var chunkSize = 1 << 20

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
        while true {
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
                if carried > 0 {
                    _ = try body(UnsafeRawBufferPointer(start: buffer, count: carried), carriedOffset, false)
                }
                return position
            }
            position += got
            let filled = carried + got
            var lineStart = 0
            while lineStart < filled {
                guard let nl = memchr(buffer + lineStart, 0x0A, filled - lineStart) else { break }
                let lineEnd = buffer.distance(to: nl)
                let line = UnsafeRawBufferPointer(start: buffer + lineStart, count: lineEnd - lineStart)
                guard try body(line, carriedOffset + lineStart, true) else { return carriedOffset + lineEnd + 1 }
                lineStart = lineEnd + 1
            }
            carried = filled - lineStart
            if carried > 0, lineStart > 0 { memmove(buffer, buffer + lineStart, carried) }
            carriedOffset += lineStart
        }
    }
}
