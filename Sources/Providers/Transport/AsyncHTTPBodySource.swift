import AsyncHTTPClient
import Foundation
import NIOCore

/// Pulls an async-http-client response body chunk by chunk, each read raced against the read timeout.
///
/// `@unchecked Sendable` because the AHC iterator is not Sendable: it is handed to exactly one child
/// task per `nextChunk()`, which is awaited before returning, and `HTTPBodySource` callers never overlap
/// calls. Cancelling the reading task (or a timeout) terminates the AHC stream, which closes the connection.
final class AsyncHTTPBodySource: HTTPBodySource, @unchecked Sendable {
    private var iterator: HTTPClientResponse.Body.AsyncIterator
    private var done = false
    private let target: String
    private let readTimeout: Double
    private let connectTimeout: Double

    init(body: HTTPClientResponse.Body, target: String, readTimeout: Double, connectTimeout: Double) {
        self.iterator = body.makeAsyncIterator()
        self.target = target
        self.readTimeout = readTimeout
        self.connectTimeout = connectTimeout
    }

    func nextChunk() async throws(ProviderError) -> [UInt8]? {
        guard !done else { return nil }
        let outcome: ReadTimeoutRace.Outcome<[UInt8]?>
        do {
            outcome = try await ReadTimeoutRace.run(seconds: readTimeout) { [self] in
                guard let buffer = try await iterator.next() else { return nil }
                return Array(buffer.readableBytesView)
            }
        } catch {
            done = true
            throw TransportErrorTranslator.translate(
                error, target: target, phase: .body, readTimeout: readTimeout, connectTimeout: connectTimeout
            )
        }
        switch outcome {
        case .value(let chunk):
            if chunk == nil { done = true }
            if chunk == nil, Task.isCancelled { throw ProviderError(kind: .cancelled, message: "cancelled") }
            return chunk
        case .timedOut:
            done = true
            throw TransportErrorTranslator.readTimeoutError(target: target, seconds: readTimeout, phase: .body)
        }
    }
}
