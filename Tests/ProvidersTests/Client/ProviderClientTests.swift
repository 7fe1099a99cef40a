import Foundation
import Synchronization
import Testing
@testable import Providers

/// ProviderClient against a scripted transport: the retry loop, part forwarding and error shaping, no sockets.
@Suite struct ProviderClientTests {
    let request = ModelRequest(model: "m", messages: [ChatMessage(role: .user, content: "hi")])
    let endpoint = ProviderEndpoint(baseURL: URL(string: "http://127.0.0.1:9/v1")!, apiKey: "sk-test-SECRET-1234")

    func client(_ transport: ScriptedTransport, clock: VirtualClock = VirtualClock(), policy: RetryPolicy = RetryPolicy()) -> ProviderClient {
        ProviderClient(
            wireProtocol: LineTestProtocol(), endpoint: endpoint, transport: transport, retryPolicy: policy,
            readTimeout: 0.3, clock: clock, jitter: { 0 }
        )
    }

    @Test func forwardsPartsInOrderAndEndsAfterTheTerminator() async {
        let transport = ScriptedTransport([.respond(status: 200, chunks: ["R:hm\nT:Hel", "lo\nT: world\nU:3,2\nF:end_turn\n"])])
        let parts = await client(transport).collect(request)
        #expect(parts == [
            .reasoningDelta("hm"), .textDelta("Hello"), .textDelta(" world"), .usage(Usage(input: 3, output: 2)),
            .finish(FinishReason(.stop, raw: "end_turn")),
        ])
        #expect(transport.sent.count == 1)
        #expect(transport.readTimeouts == [0.3])
    }

    @Test func bytesAfterTheTerminatorAreIgnored() async {
        let transport = ScriptedTransport([.respond(status: 200, chunks: ["T:a\nF:stop\nT:zzz\n", "T:more\n"])])
        let parts = await client(transport).collect(request)
        #expect(parts.text == "a")
        #expect(parts.last == .finish(FinishReason(.stop, raw: "stop")))
    }

    @Test func aLastEventWithoutNewlineIsFlushedAtBodyEnd() async {
        let transport = ScriptedTransport([.respond(status: 200, chunks: ["T:a\nF:stop"])])
        let parts = await client(transport).collect(request)
        #expect(parts == [.textDelta("a"), .finish(FinishReason(.stop, raw: "stop"))])
    }

    @Test func aBodyWithoutTerminatorEndsWithStreamCut() async {
        let transport = ScriptedTransport([.respond(status: 200, headers: ["request-id": "req_9"], chunks: ["T:partial\n"])])
        let parts = await client(transport).collect(request)
        #expect(parts.text == "partial")
        #expect(parts.lastError?.kind == .streamCut)
        #expect(parts.lastError?.requestID == "req_9")
        #expect(parts.errors.count == 1)
    }

    @Test func aMidStreamErrorEventKeepsThePartialTextAndEndsTheStream() async {
        let transport = ScriptedTransport([.respond(status: 200, headers: ["x-request-id": "req_7"], chunks: ["T:par\nT:tial\nE:overloaded\nT:never\n"])])
        let parts = await client(transport).collect(request)
        #expect(parts.text == "partial")
        #expect(parts.lastError == ProviderError(kind: .streamError, message: "overloaded", requestID: "req_7"))
        #expect(transport.sent.count == 1)
    }

    @Test func aTransportFailureAfterTextEndsWithThatErrorAndIsNotRetried() async {
        let reset = ProviderError(kind: .streamCut, message: "the answer from 127.0.0.1:9 was cut off: connection reset by peer")
        let transport = ScriptedTransport([
            .respond(status: 200, chunks: ["T:Hello\n"], then: reset),
            .respond(status: 200, chunks: ["T:second\nF:stop\n"]),
        ])
        let parts = await client(transport).collect(request)
        #expect(parts == [.textDelta("Hello"), .error(reset)])
        #expect(transport.sent.count == 1)
    }

    @Test func aTransportFailureMidStreamBeforeTextIsNotRetriedEither() async {
        let timeout = ProviderError(kind: .timeout, message: "no data")
        let transport = ScriptedTransport([.respond(status: 200, chunks: ["U:1,0\n"], then: timeout), .respond(status: 200)])
        let parts = await client(transport).collect(request)
        #expect(parts.lastError == timeout)
        #expect(parts.warnings.isEmpty)
        #expect(transport.sent.count == 1)
    }

    @Test func retriesA429AfterRetryAfterAndAnnouncesIt() async {
        let clock = VirtualClock()
        let transport = ScriptedTransport([
            .respond(status: 429, headers: ["retry-after": "2"], chunks: ["slow down"]),
            .respond(status: 200, chunks: ["T:ok\nF:stop\n"]),
        ])
        let parts = await client(transport, clock: clock).collect(request)
        #expect(parts == [
            .warning("retrying in 2.0 s after HTTP 429 (attempt 2 of 3)"), .textDelta("ok"), .finish(FinishReason(.stop, raw: "stop")),
        ])
        #expect(clock.sleeps == [2])
        #expect(transport.sent.count == 2)
        #expect(transport.sent[0] == transport.sent[1])
    }

    @Test func retriesUseMillisecondsDatesAndProviderDelays() async {
        let clock = VirtualClock()
        let date = "Tue, 14 Nov 2023 22:13:24 GMT" // clock starts at 22:13:20; after the first wait it is 22:13:20.25
        let transport = ScriptedTransport([
            .respond(status: 529, headers: ["retry-after-ms": "250"]),
            .respond(status: 503, headers: ["retry-after": date]),
            .respond(status: 200, chunks: ["F:stop\n"]),
        ])
        let parts = await client(transport, clock: clock).collect(request)
        #expect(parts.warnings == [
            "retrying in 0.2 s after HTTP 529 (attempt 2 of 3)", "retrying in 3.8 s after HTTP 503 (attempt 3 of 3)",
        ])
        #expect(clock.sleeps == [0.25, 3.75])
        #expect(parts.last == .finish(FinishReason(.stop, raw: "stop")))

        let geminiStyle = ScriptedTransport([
            .respond(status: 429, headers: ["x-test-retry-delay": "34.4"]), .respond(status: 200, chunks: ["F:stop\n"]),
        ])
        let geminiClock = VirtualClock()
        _ = await client(geminiStyle, clock: geminiClock).collect(request)
        #expect(geminiClock.sleeps == [34.4])
    }

    @Test func givesUpAfterMaxRetriesWithTheLastError() async {
        let clock = VirtualClock()
        let transport = ScriptedTransport([
            .respond(status: 500, headers: ["request-id": "r1"], chunks: ["one"]),
            .respond(status: 500, headers: ["request-id": "r2"], chunks: ["two"]),
            .respond(status: 503, headers: ["request-id": "r3"], chunks: ["three"]),
            .respond(status: 200, chunks: ["T:never\n"]),
        ])
        let parts = await client(transport, clock: clock).collect(request)
        #expect(parts.warnings.count == 2)
        #expect(clock.sleeps == [0.5, 1])
        #expect(parts.lastError == ProviderError(kind: .serverError, message: "HTTP 503: three", status: 503, requestID: "r3"))
        #expect(transport.sent.count == 3)
    }

    @Test func doesNotRetryWhenTheServerSaysNo() async {
        let transport = ScriptedTransport([
            .respond(status: 529, headers: ["x-should-retry": "false"]), .respond(status: 200, chunks: ["F:stop\n"]),
        ])
        let parts = await client(transport).collect(request)
        #expect(parts.count == 1)
        #expect(parts.lastError?.kind == .overloaded)
        #expect(transport.sent.count == 1)
    }

    @Test func doesNotRetryClientErrorsOrSpentQuota() async {
        for (status, body) in [(401, "bad key"), (404, "no model"), (400, "bad"), (429, "insufficient_quota")] {
            let transport = ScriptedTransport([.respond(status: status, chunks: [body]), .respond(status: 200)])
            let parts = await client(transport).collect(request)
            #expect(parts.count == 1, "\(status)")
            #expect(parts.lastError?.status == status)
            #expect(transport.sent.count == 1, "\(status)")
        }
    }

    @Test func retriesAConnectionFailureBeforeAnyByte() async {
        let clock = VirtualClock()
        let refused = ProviderError(kind: .unreachable, message: "cannot reach 127.0.0.1:9: connection refused")
        let transport = ScriptedTransport([.fail(refused), .fail(refused), .respond(status: 200, chunks: ["T:up\nF:stop\n"])])
        let parts = await client(transport, clock: clock).collect(request)
        #expect(parts.warnings == [
            "retrying in 0.5 s after a connection failure (attempt 2 of 3)",
            "retrying in 1.0 s after a connection failure (attempt 3 of 3)",
        ])
        #expect(parts.text == "up")

        let alwaysRefused = ScriptedTransport([.fail(refused), .fail(refused), .fail(refused)])
        let failed = await client(alwaysRefused).collect(request)
        #expect(failed.lastError == refused)
    }

    @Test func errorBodiesAreReadUpTo64KB() async {
        let huge = String(repeating: "x", count: 200_000)
        let transport = ScriptedTransport([.respond(status: 400, chunks: [huge, huge])])
        let parts = await client(transport).collect(request)
        #expect(parts.lastError?.message == "HTTP 400: " + String(repeating: "x", count: ProviderClient.errorBodyLimit))
    }

    @Test func errorsNeverCarryTheAPIKey() async {
        let transport = ScriptedTransport([.respond(status: 401, chunks: ["invalid key sk-test-SECRET-1234 given"])])
        let parts = await client(transport).collect(request)
        let error = parts.lastError
        #expect(error?.message.contains("sk-test-SECRET-1234") == false)
        #expect(error?.kind == .unauthorized)

        let midStream = ScriptedTransport([.respond(status: 200, chunks: ["W:key sk-test-SECRET-1234\nE:echo sk-test-SECRET-1234\n"])])
        let streamed = await client(midStream).collect(request)
        #expect(!"\(streamed)".contains("sk-test-SECRET-1234"))
        #expect(streamed.count == 2)
    }

    @Test func anEncodingFailureEndsTheStreamWithoutSending() async {
        let transport = ScriptedTransport([])
        let parts = await client(transport).collect(ModelRequest(model: "unencodable", messages: []))
        #expect(parts == [.error(ProviderError(kind: .invalidInput, message: "cannot encode"))])
        #expect(transport.sent.isEmpty)
    }

    @Test func listModelsFollowsPagesAndStopsOnARepeatedToken() async throws {
        let transport = ScriptedTransport([
            .respond(status: 200, chunks: ["a\nb\nnext:p2\n"]),
            .respond(status: 200, chunks: ["c\nnext:p3"]),
            .respond(status: 200, chunks: ["d\nnext:p2\n"]),
            .respond(status: 200, chunks: ["never\n"]),
        ])
        let ids = try await client(transport).listModels()
        #expect(ids == ["a", "b", "c", "d"])
        #expect(transport.sent.map(\.url.query) == [nil, "page=p2", "page=p3"])
    }

    @Test func listModelsRetriesAndReportsTypedErrors() async {
        let clock = VirtualClock()
        let transport = ScriptedTransport([.respond(status: 503), .respond(status: 200, chunks: ["only\n"])])
        let ids = try? await client(transport, clock: clock).listModels()
        #expect(ids == ["only"])
        #expect(clock.sleeps == [0.5])

        let unauthorized = ScriptedTransport([.respond(status: 401, headers: ["request-id": "q"], chunks: ["no"])])
        await #expect(throws: ProviderError(kind: .unauthorized, message: "HTTP 401: no", status: 401, requestID: "q")) {
            try await client(unauthorized).listModels()
        }
        let garbage = ScriptedTransport([.respond(status: 200, chunks: ["garbage"])])
        await #expect(throws: ProviderError(kind: .invalidResponse, message: "bad list")) {
            try await client(garbage).listModels()
        }
    }

    @Test func cancellingTheConsumerCancelsTheWork() async {
        // The second answer is never requested: the consumer is cancelled during the retry wait.
        let transport = ScriptedTransport([.respond(status: 503), .respond(status: 200, chunks: ["T:x\nF:stop\n"])])
        let slowClock = SlowClock()
        let stream = client(transport).withClock(slowClock).stream(request)
        let consumer = Task {
            var seen: [StreamPart] = []
            for await part in stream { seen.append(part) }
            return seen
        }
        #expect(await slowClock.eventually { $0.sleeping })
        consumer.cancel()
        let seen = await consumer.value
        #expect(seen.count <= 1)
        #expect(seen.allSatisfy { $0.isWarning })
        #expect(await slowClock.eventually { $0.cancelled })
        #expect(transport.sent.count == 1)
    }
}

extension ProviderClient {
    func withClock(_ clock: any RetryClock) -> ProviderClient {
        var copy = self
        copy.clock = clock
        return copy
    }
}

extension StreamPart {
    var isWarning: Bool { if case .warning = self { true } else { false } }
}

/// A clock whose sleeps last until cancelled, and which remembers that they were.
final class SlowClock: RetryClock {
    private let state = Mutex((sleeping: false, cancelled: false))
    var now: Date { Date(timeIntervalSince1970: 0) }
    var sleeping: Bool { state.withLock { $0.sleeping } }
    var cancelled: Bool { state.withLock { $0.cancelled } }

    func sleep(seconds: Double) async throws {
        state.withLock { $0.sleeping = true }
        do {
            try await Task.sleep(for: .seconds(3600))
        } catch {
            state.withLock { $0.cancelled = true }
            throw error
        }
    }

    func eventually(_ condition: (SlowClock) -> Bool) async -> Bool {
        for _ in 0..<500 {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}
