import Foundation

/// Newline-delimited JSON framer (Ollama native): one message per `\n`-terminated line.
///
/// A CR before the LF is stripped, blank lines are skipped, and a last line without its `\n` is
/// flushed by `finish()`.
public struct NDJSONDecoder: StreamFramer {
    private var lines: LineSplitter
    private let maxBytes: Int

    /// - Parameter maxLineBytes: the longest line kept (tests pass a small one).
    public init(maxLineBytes: Int = FramingLimits.maxLineBytes) {
        lines = LineSplitter(carriageReturnEndsLine: false, maxLineBytes: maxLineBytes)
        maxBytes = max(1, maxLineBytes)
    }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [FramedMessage] {
        lines.feed(bytes).compactMap(message(for:))
    }

    public mutating func finish() -> [FramedMessage] {
        lines.finish().compactMap(message(for:))
    }

    private func message(for line: ByteLine) -> FramedMessage? {
        switch line {
        case .oversized(let count):
            return FramedMessage(data: "dropped a line of \(count) bytes (over the \(maxBytes)-byte limit)", isStray: true)
        case .bytes(let bytes):
            let isBlank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            return isBlank ? nil : FramedMessage(data: String(decoding: bytes, as: UTF8.self))
        }
    }
}
