import Foundation

/// Decodes a whole recorded response body into neutral parts: the framer and mapper of a protocol,
/// with no network (used by `refract decode`, fixture checks and tests).
public enum StreamDecoder {
    /// The parts `bytes` decode to with `protocol`'s framer and mapper.
    ///
    /// - Parameter chunkSizes: feeds the body in reads of these sizes, the last size repeated until the
    ///   body ends (to exercise splits); nil feeds it whole. Sizes below 1 count as 1.
    public static func decode(protocol name: ProtocolName, bytes: [UInt8], chunkSizes: [Int]? = nil) -> [StreamPart] {
        let implementation = name.implementation
        var framer = framer(for: name, implementation: implementation, bytes: bytes)
        var mapper = implementation.makeMapper(for: ModelRequest(model: "", messages: []))
        var parts: [StreamPart] = []
        for chunk in chunks(of: bytes, sizes: chunkSizes) {
            for message in chunk.withUnsafeBytes({ framer.feed($0) }) {
                parts += mapper.map(message)
            }
        }
        for message in framer.finish() {
            parts += mapper.map(message)
        }
        parts += mapper.finish()
        return parts
    }

    /// Gemini answers a JSON array instead of SSE when `alt=sse` was not sent: tell them apart by the first byte.
    private static func framer(for name: ProtocolName, implementation: any WireProtocol, bytes: [UInt8]) -> any StreamFramer {
        guard name == .gemini else { return implementation.makeFramer(contentType: nil) }
        let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return implementation.makeFramer(contentType: first == 0x5B ? "application/json" : "text/event-stream")
    }

    private static func chunks(of bytes: [UInt8], sizes: [Int]?) -> [ArraySlice<UInt8>] {
        guard let sizes, !sizes.isEmpty else { return [bytes[...]] }
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        var sizeIndex = 0
        while start < bytes.count {
            let size = max(1, sizes[min(sizeIndex, sizes.count - 1)])
            let end = min(bytes.count, start + size)
            result.append(bytes[start..<end])
            start = end
            sizeIndex += 1
        }
        return result
    }
}
