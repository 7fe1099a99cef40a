import Foundation
import Synchronization

/// A response body as an async sequence of byte chunks. Iterate it once; it fails with a `ProviderError`.
public struct HTTPResponseBody: AsyncSequence, Sendable {
    public typealias Element = [UInt8]
    public typealias Failure = ProviderError

    private let source: any HTTPBodySource

    public init(source: any HTTPBodySource) { self.source = source }

    /// A body made of these chunks, then optionally a failure (for tests and canned answers).
    public init(chunks: [[UInt8]], failure: ProviderError? = nil) {
        self.source = CannedBodySource(chunks: chunks, failure: failure)
    }

    /// An empty body.
    public static var empty: HTTPResponseBody { HTTPResponseBody(chunks: []) }

    public func makeAsyncIterator() -> Iterator { Iterator(source: source) }

    /// Pulls chunks from the source.
    public struct Iterator: AsyncIteratorProtocol, Sendable {
        let source: any HTTPBodySource

        public mutating func next() async throws(ProviderError) -> [UInt8]? {
            try await source.nextChunk()
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async throws(ProviderError) -> [UInt8]? {
            try await source.nextChunk()
        }
    }

    /// Reads the whole body, stopping after `limit` bytes (error bodies are read this way).
    public func collect(upTo limit: Int) async throws(ProviderError) -> Data {
        var data = Data()
        var iterator = makeAsyncIterator()
        while data.count < limit, let chunk = try await iterator.next() {
            data.append(contentsOf: chunk.prefix(limit - data.count))
        }
        return data
    }
}

/// Hands out fixed chunks, then an optional failure.
final class CannedBodySource: HTTPBodySource {
    private let state: Mutex<(chunks: [[UInt8]], index: Int, failure: ProviderError?)>

    init(chunks: [[UInt8]], failure: ProviderError?) {
        state = Mutex((chunks: chunks, index: 0, failure: failure))
    }

    func nextChunk() async throws(ProviderError) -> [UInt8]? {
        let result: Result<[UInt8]?, ProviderError> = state.withLock { state in
            if state.index < state.chunks.count {
                state.index += 1
                return .success(state.chunks[state.index - 1])
            }
            if let failure = state.failure {
                state.failure = nil
                return .failure(failure)
            }
            return .success(nil)
        }
        return try result.get()
    }
}
