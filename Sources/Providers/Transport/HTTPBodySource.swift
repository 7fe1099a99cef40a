import Foundation

/// Where an `HTTPResponseBody` pulls its chunks from: a live connection or canned bytes.
///
/// `nextChunk()` is called by one task at a time; nil means the body ended cleanly.
public protocol HTTPBodySource: AnyObject, Sendable {
    func nextChunk() async throws(ProviderError) -> [UInt8]?
}
