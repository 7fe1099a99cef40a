import Foundation

/// One message cut out of a response body by a framer.
public struct FramedMessage: Sendable, Equatable {
    /// The SSE `event:` name, when there was one.
    public var event: String?
    /// The payload: SSE `data:` lines joined by `\n`, one NDJSON line, or one JSON-array element.
    public var data: String
    /// True when this is text that stood outside any SSE field (Gemini appends a bare JSON error object).
    public var isStray: Bool

    public init(event: String? = nil, data: String, isStray: Bool = false) {
        self.event = event
        self.data = data
        self.isStray = isStray
    }
}

/// Cuts a byte stream into messages. Pure and incremental: bytes may be split anywhere.
public protocol StreamFramer: Sendable {
    /// Feeds the next bytes of the body; returns every message completed by them.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [FramedMessage]
    /// The body ended: returns what was still pending (a last event without its blank line).
    mutating func finish() -> [FramedMessage]
}

extension StreamFramer {
    /// Feeds bytes from any contiguous collection.
    public mutating func feed(_ bytes: [UInt8]) -> [FramedMessage] {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Feeds the UTF-8 bytes of a string (tests and tools).
    public mutating func feed(_ text: String) -> [FramedMessage] {
        feed(Array(text.utf8))
    }
}
