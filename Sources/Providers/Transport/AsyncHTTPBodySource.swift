import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// Pulls an async-http-client response body chunk by chunk, ended by a read timeout when a read waits
/// longer than `readTimeout` for bytes.
///
/// One reader task per body pulls from the AHC iterator when asked (so backpressure is kept: at most
/// one read in flight, none ahead of the caller), and the process's `ReadWatchdog` checks the time since
/// the pending read began. Racing every read against its own timer cost a task group, two child tasks
/// and a timer per chunk; a watchdog task per body still cost a timer per request.
/// Cancelling the reading task (or a timeout) terminates the AHC stream, which closes the connection.
final class AsyncHTTPBodySource: HTTPBodySource, @unchecked Sendable {
    /// Consumer side: touched only by `nextChunk()`, whose callers never overlap (`HTTPBodySource`).
    private var chunks: AsyncStream<Result<[UInt8]?, ProviderError>>.Iterator
    private var done = false
    private let demand: AsyncStream<Void>.Continuation
    private let clock: ReadClock
    private let reader: Task<Void, Never>

    init(body: HTTPClientResponse.Body, target: String, readTimeout: Double, connectTimeout: Double) {
        let (demandStream, demand) = AsyncStream<Void>.makeStream()
        let (chunkStream, output) = AsyncStream<Result<[UInt8]?, ProviderError>>.makeStream()
        let clock = ReadClock()
        let reader = Task {
            var iterator = body.makeAsyncIterator()
            for await _ in demandStream {
                do {
                    let buffer = try await iterator.next()
                    clock.readEnded()
                    output.yield(.success(buffer.map { Array($0.readableBytesView) }))
                    if buffer == nil { break }
                } catch {
                    output.yield(.failure(
                        clock.timedOut
                            ? TransportErrorTranslator.readTimeoutError(target: target, seconds: readTimeout, phase: .body)
                            : TransportErrorTranslator.translate(error, target: target, phase: .body, readTimeout: readTimeout, connectTimeout: connectTimeout)
                    ))
                    break
                }
            }
            output.finish()
            clock.finish()
        }
        // The caller's task was cancelled while waiting for a chunk: stop the read (closes the connection).
        output.onTermination = { _ in reader.cancel() }
        self.chunks = chunkStream.makeAsyncIterator()
        self.demand = demand
        self.clock = clock
        self.reader = reader
        if readTimeout > 0 && readTimeout.isFinite { ReadWatchdog.shared.watch(clock, timeout: readTimeout, reader: reader) }
    }

    deinit {
        demand.finish()
        reader.cancel()
        ReadWatchdog.shared.stop(clock)
    }

    func nextChunk() async throws(ProviderError) -> [UInt8]? {
        guard !done else { return nil }
        clock.readStarted()
        demand.yield()
        guard let result = await chunks.next() else {
            done = true
            throw ProviderError(kind: .cancelled, message: "cancelled")
        }
        switch result {
        case .success(let chunk):
            if chunk == nil {
                done = true
                if Task.isCancelled { throw ProviderError(kind: .cancelled, message: "cancelled") }
            }
            return chunk
        case .failure(let error):
            done = true
            throw error
        }
    }
}

/// When the pending read began, shared by the reader, the caller and `ReadWatchdog`.
final class ReadClock: Sendable {
    private struct State {
        var pendingSince: ContinuousClock.Instant?
        var timedOut = false
        var finished = false
    }

    private let state = Mutex(State())

    var timedOut: Bool { state.withLock { $0.timedOut } }

    func readStarted() { state.withLock { $0.pendingSince = .now } }
    func readEnded() { state.withLock { $0.pendingSince = nil } }
    func finish() {
        state.withLock { $0.finished = true }
        ReadWatchdog.shared.stop(self)
    }

    /// Marks the clock timed out when its pending read has waited `limit` or more (`ReadWatchdog` then cancels the reader).
    func expire(after limit: Duration) -> Bool {
        state.withLock { s in
            guard !s.finished, let since = s.pendingSince, since.duration(to: .now) >= limit else { return false }
            s.timedOut = true
            return true
        }
    }
}
