import Foundation

/// Follows the nesting depth of JSON text byte by byte, ignoring braces inside strings.
///
/// Used to cut pretty-printed JSON objects out of a stream without parsing them.
struct JSONDepthScanner: Sendable {
    private(set) var depth = 0
    private var inString = false
    private var escaped = false

    /// Scans one byte; returns true when it closes a top-level object or array.
    mutating func scan(_ byte: UInt8) -> Bool {
        if inString {
            if escaped {
                escaped = false
            } else if byte == 0x5C {  // backslash
                escaped = true
            } else if byte == 0x22 {  // quote
                inString = false
            }
            return false
        }
        switch byte {
        case 0x22:
            inString = true
        case 0x7B, 0x5B:  // { [
            depth += 1
        case 0x7D, 0x5D:  // } ]
            guard depth > 0 else { return false }
            depth -= 1
            return depth == 0
        default:
            break
        }
        return false
    }

    mutating func reset() { self = JSONDepthScanner() }
}
