import Foundation

/// Framer for a streamed JSON array of objects (Gemini `streamGenerateContent` without `alt=sse`).
///
/// The body looks like `[{…}\n,\r\n{…}\n]` with pretty-printed objects; each object is emitted as soon
/// as its closing brace arrives (braces inside strings are not counted). Anything else outside an
/// object that is not `[`, `,`, `]` or whitespace is reported as a stray message.
public struct JSONArrayStreamDecoder: StreamFramer {
    private let maxBytes: Int
    private var scanner = JSONDepthScanner()
    private var inObject = false
    private var object: [UInt8] = []
    /// Bytes of the current object dropped because it outgrew the limit.
    private var droppedBytes = 0
    private var garbage: [UInt8] = []

    /// - Parameter maxLineBytes: the largest object kept (tests pass a small one).
    public init(maxLineBytes: Int = FramingLimits.maxLineBytes) {
        maxBytes = max(1, maxLineBytes)
    }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [FramedMessage] {
        var out: [FramedMessage] = []
        let count = bytes.count
        var index = 0
        while index < count {
            if inObject {
                // Scan to the closing brace, then copy the run in one go.
                let start = index
                var closed = false
                while index < count {
                    let byte = bytes[index]
                    index += 1
                    if scanner.scan(byte) {
                        closed = true
                        break
                    }
                }
                appendToObject(bytes, from: start, to: index)
                if closed { emitObject(into: &out) }
            } else {
                let byte = bytes[index]
                index += 1
                switch byte {
                case 0x0A, 0x0D, 0x5B, 0x2C, 0x5D:  // line end [ , ]
                    flushGarbage(into: &out)
                case 0x20, 0x09:  // spaces belong to stray text, if any
                    if !garbage.isEmpty, garbage.count < maxBytes { garbage.append(byte) }
                case 0x7B:  // {
                    flushGarbage(into: &out)
                    inObject = true
                    scanner.reset()
                    _ = scanner.scan(byte)
                    object = [byte]
                default:
                    if garbage.count < maxBytes { garbage.append(byte) }
                }
            }
        }
        return out
    }

    public mutating func finish() -> [FramedMessage] {
        var out: [FramedMessage] = []
        if inObject {
            // An object cut off by the end of the body: hand it on as stray so the mapper can report it.
            if droppedBytes == 0 {
                out.append(FramedMessage(data: String(decoding: object, as: UTF8.self), isStray: true))
            } else {
                out.append(FramedMessage(data: "dropped an unfinished object of \(droppedBytes) bytes", isStray: true))
            }
            inObject = false
            object = []
            droppedBytes = 0
        }
        flushGarbage(into: &out)
        return out
    }

    private mutating func appendToObject(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        guard end > start else { return }
        let length = end - start
        if droppedBytes > 0 {
            droppedBytes += length
        } else if object.count + length > maxBytes {
            droppedBytes = object.count + length
            object = []
        } else {
            object.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    private mutating func emitObject(into out: inout [FramedMessage]) {
        if droppedBytes > 0 {
            out.append(FramedMessage(data: "dropped an object of \(droppedBytes) bytes (over the \(maxBytes)-byte limit)", isStray: true))
        } else {
            out.append(FramedMessage(data: String(decoding: object, as: UTF8.self)))
        }
        inObject = false
        object = []
        droppedBytes = 0
    }

    private mutating func flushGarbage(into out: inout [FramedMessage]) {
        guard !garbage.isEmpty else { return }
        out.append(FramedMessage(data: String(decoding: garbage, as: UTF8.self), isStray: true))
        garbage = []
    }
}
