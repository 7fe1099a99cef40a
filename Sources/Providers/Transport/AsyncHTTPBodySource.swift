import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// Pulls an async-http-client response body chunk by chunk, ended by a read timeout when a read waits
/// longer than `readTimeout` for bytes.
///
/// One reader task per body pulls from the AHC iterator when asked (so backpressure is kept: at most
/// one read in flight, none ahead of the caller), and one watchdog task per body checks the time since
/// the pending read began. Racing every read against its own timer cost a task group, two child tasks
/// and a timer per chunk; the watchdog sleeps through a whole stream that keeps flowing.
/// Cancelling the reading task (or a timeout) terminates the AHC stream, which closes the connection.
final class AsyncHTTPBodySource: HTTPBodySource, @unchecked Sendable {
    /// Consumer side: touched only by `nextChunk()`, whose callers never overlap (`HTTPBodySource`).
    private var chunks: AsyncStream<Result<[UInt8]?, ProviderError>>.Iterator
    private var done = false
    private let demand: AsyncStream<Void>.Continuation
    private let clock: ReadClock
    private let reader: Task<Void, Never>
    private let watchdog: Task<Void, Never>?

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
        self.watchdog = readTimeout > 0 && readTimeout.isFinite ? Task { await clock.watch(timeout: readTimeout, reader: reader) } : nil
    }

    deinit {
        demand.finish()
        reader.cancel()
        watchdog?.cancel()
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

/// When the pending read began, shared by the reader, the caller and the watchdog.
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
    func finish() { state.withLock { $0.finished = true } }

    /// Sleeps until the pending read could have run out of time, checks, and cancels `reader` when it has.
    func watch(timeout: Double, reader: Task<Void, Never>) async {
        let limit = Duration.seconds(timeout)
        while !Task.isCancelled {
            let wait: Duration? = state.withLock { s in
                guard !s.finished else { return nil }
                guard let since = s.pendingSince else { return limit }
                let waited = since.duration(to: .now)
                if waited >= limit {
                    s.timedOut = true
                    return nil
                }
                return limit - waited
            }
            guard let wait else {
                if timedOut { reader.cancel() }
                return
            }
            do { try await Task.sleep(for: wait) } catch { return }
        }
    }
}
