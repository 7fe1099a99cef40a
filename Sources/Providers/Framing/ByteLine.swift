import Foundation

/// One line cut by `LineSplitter`: its bytes, or the size of a line too long to keep.
enum ByteLine: Sendable, Equatable {
    /// The line's bytes, without its line ending.
    case bytes([UInt8])
    /// A line longer than the limit; its bytes were dropped.
    case oversized(byteCount: Int)
}
