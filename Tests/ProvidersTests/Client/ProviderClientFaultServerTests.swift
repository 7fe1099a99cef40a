import Foundation
import RefractTestSupport
import Synchronization
import Testing
@testable import Providers

/// One protocol as the fault-server tests drive it.
struct FaultProtocolCase: Sendable, CustomTestStringConvertible {
    let name: String
    let wire: any WireProtocol
    /// The API root's path on the fault server (`/v1`, `/v1beta`, or the server root for ollama).
    let basePath: String
    let mode: RequestMode
    let hasReasoning: Bool

    var testDescription: String { name }

    static let all: [FaultProtocolCase] = [
        FaultProtocolCase(name: "anthropic", wire: AnthropicProtocol(), basePath: "/v1", mode: .chat, hasReasoning: true),
        FaultProtocolCase(name: "openai-chat", wire: OpenAIChatProtocol(), basePath: "/v1", mode: .chat, hasReasoning: true),
        FaultProtocolCase(name: "openai-completions", wire: OpenAIChatProtocol(), basePath: "/v1", mode: .rawCompletion, hasReasoning: false),
        FaultProtocolCase(name: "openai-responses", wire: OpenAIResponsesProtocol(), basePath: "/v1", mode: .chat, hasReasoning: true),
        FaultProtocolCase(name: "gemini", wire: GeminiProtocol(), basePath: "/v1beta", mode: .chat, hasReasoning: true),
        FaultProtocolCase(name: "ollama", wire: OllamaProtocol(), basePath: "", mode: .chat, hasReasoning: true),
        FaultProtocolCase(name: "ollama-generate", wire: OllamaProtocol(), basePath: "", mode: .rawCompletion, hasReasoning: true),
    ]
}

/// ProviderClient end to end: the real transport, every real protocol, the fault server on a socket.
@Suite(.serialized) struct ProviderClientFaultServerTests {
    struct Run {
        let parts: [StreamPart]
        let result: RunAccumulator
        let server: FaultServer
    }

    func client(_ protocolCase: FaultProtocolCase, _ server: FaultServer, clock: VirtualClock = VirtualClock(), policy: RetryPolicy = RetryPolicy(), readTimeout: Double = 5) -> ProviderClient {
        let base = URL(string: server.baseURL.absoluteString + protocolCase.basePath)!
        return ProviderClient(
            wireProtocol: protocolCase.wire, endpoint: ProviderEndpoint(baseURL: base, apiKey: "sk-fault-test-key-0000"),
            transport: SharedTestTransport.transport, retryPolicy: policy, readTimeout: readTimeout, clock: clock, jitter: { 0 }
        )
    }

    func request(_ protocolCase: FaultProtocolCase, _ model: String) -> ModelRequest {
        ModelRequest(
            model: model, messages: [ChatMessage(role: .system, content: "Be brief."), ChatMessage(role: .user, content: "Say the pangram.")],
            parameters: GenerationParameters(maxTokens: 64), mode: protocolCase.mode
        )
    }

    func run(_ protocolCase: FaultProtocolCase, _ model: String, clock: VirtualClock = VirtualClock(), policy: RetryPolicy = RetryPolicy(), readTimeout: Double = 5) async throws -> Run {
        let server = try FaultServer()
        let parts = await client(protocolCase, server, clock: clock, policy: policy, readTimeout: readTimeout).collect(request(protocolCase, model))
        var result = RunAccumulator()
        for part in parts { result.add(part) }
        return Run(parts: parts, result: result, server: server)
    }

    @Test(arguments: FaultProtocolCase.all)
    func successCarriesTextUsageAndFinish(_ protocolCase: FaultProtocolCase) async throws {
        let run = try await run(protocolCase, "ok,tokens=5")
        defer { run.server.stop() }
        #expect(run.result.error == nil)
        #expect(run.result.text == FaultText.answer(tokens: 5))
        #expect(run.result.finish?.kind == .stop)
        #expect(run.result.usage?.input == FaultUsage.inputTokens)
        #expect(run.result.usage?.output == 5)
        #expect(run.parts.warnings.isEmpty)
        #expect(run.server.http.requests.count == 1)
    }

    @Test(arguments: FaultProtocolCase.all.filter(\.hasReasoning))
    func reasoningArrivesBeforeText(_ protocolCase: FaultProtocolCase) async throws {
        let run = try await run(protocolCase, "ok,tokens=3,reasoning=2")
        defer { run.server.stop() }
        #expect(run.result.reasoning == FaultText.reasoning(tokens: 2))
        #expect(run.result.text == FaultText.answer(tokens: 3))
        #expect(run.result.error == nil)
    }

    @Test(arguments: FaultProtocolCase.all)
    func errorsBeforeTheStreamAreTypedWithTheRequestID(_ protocolCase: FaultProtocolCase) async throws {
        let expectations: [(String, ProviderError.Kind, Int)] = [
            ("http-401", .unauthorized, 401), ("http-403", .forbidden, 403), ("http-404", .modelNotFound, 404),
            ("http-429", .rateLimited, 429), ("http-500", .serverError, 500), ("http-529", .overloaded, 529),
        ]
        for (mode, kind, status) in expectations {
            let run = try await run(protocolCase, mode, policy: .none)
            defer { run.server.stop() }
            let error = try #require(run.parts.lastError, "\(mode)")
            #expect(run.parts.count == 1, "\(mode)")
            #expect(error.kind == kind, "\(mode): \(error)")
            #expect(error.status == status, "\(mode)")
            #expect(error.requestID == "req_fault_1", "\(mode)")
            #expect(!error.message.contains("sk-fault-test-key-0000"))
        }
    }

    @Test(arguments: FaultProtocolCase.all)
    func aMidStreamErrorKeepsThePartialText(_ protocolCase: FaultProtocolCase) async throws {
        let run = try await run(protocolCase, "midstream-error-after-4,fail=1")
        defer { run.server.stop() }
        #expect(run.result.text == FaultText.answer(tokens: 4))
        let error = try #require(run.parts.lastError)
        // Each provider's own error shape: Anthropic and Gemini say "overloaded", the others a stream error.
        #expect([.streamError, .overloaded].contains(error.kind), "\(error)")
        #expect(error.requestID == "req_fault_1")
        #expect(run.parts.errors.count == 1)
        // Text was shown, so no retry even though the next request would succeed.
        #expect(run.server.http.requests.count == 1)
        #expect(run.parts.warnings.isEmpty)
    }

    @Test(arguments: FaultProtocolCase.all)
    func aCleanCloseWithoutTerminatorIsAStreamCut(_ protocolCase: FaultProtocolCase) async throws {
        let run = try await run(protocolCase, "cut-after-3")
        defer { run.server.stop() }
        #expect(run.result.text == FaultText.answer(tokens: 3))
        #expect(run.parts.lastError?.kind == .streamCut)
    }

    @Test(arguments: FaultProtocolCase.all)
    func aResetMidStreamKeepsTheTextAndFails(_ protocolCase: FaultProtocolCase) async throws {
        let run = try await run(protocolCase, "reset-after-3")
        defer { run.server.stop() }
        #expect(run.result.text == FaultText.answer(tokens: 3))
        #expect(run.parts.lastError?.kind == .streamCut)
        #expect(run.server.http.requests.count == 1)
    }

    @Test(arguments: FaultProtocolCase.all)
    func retriesA429WithRetryAfterThenSucceeds(_ protocolCase: FaultProtocolCase) async throws {
        let clock = VirtualClock()
        let run = try await run(protocolCase, "http-429-retry-after-1,fail=1", clock: clock)
        defer { run.server.stop() }
        #expect(run.parts.first == .warning("retrying in 1.0 s after HTTP 429 (attempt 2 of 3)"))
        #expect(clock.sleeps == [1])
        #expect(run.result.text == FaultText.answer(tokens: 12))
        #expect(run.result.error == nil)
        #expect(run.server.http.requests.count == 2)
    }

    @Test(arguments: FaultProtocolCase.all)
    func retriesA529WithBackoffThenSucceeds(_ protocolCase: FaultProtocolCase) async throws {
        let clock = VirtualClock()
        let run = try await run(protocolCase, "http-529,fail=2", clock: clock)
        defer { run.server.stop() }
        #expect(run.parts.warnings == [
            "retrying in 0.5 s after HTTP 529 (attempt 2 of 3)", "retrying in 1.0 s after HTTP 529 (attempt 3 of 3)",
        ])
        #expect(clock.sleeps == [0.5, 1])
        #expect(run.result.error == nil)
        #expect(run.result.text == FaultText.answer(tokens: 12))
    }

    @Test(arguments: FaultProtocolCase.all)
    func retryAfterMillisecondsAndDatesAreRespected(_ protocolCase: FaultProtocolCase) async throws {
        let msClock = VirtualClock()
        let ms = try await run(protocolCase, "http-503-retry-after-ms-300,fail=1", clock: msClock)
        ms.server.stop()
        #expect(msClock.sleeps == [0.3])
        #expect(ms.result.error == nil)

        let dateClock = VirtualClock(now: Date())
        let dated = try await run(protocolCase, "http-429-retry-after-date-5,fail=1", clock: dateClock)
        dated.server.stop()
        let wait = try #require(dateClock.sleeps.first)
        // The server's date has whole seconds and is taken a moment after the clock's "now".
        #expect(wait > 3 && wait < 6, "\(wait)")
        #expect(dated.result.error == nil)
    }

    @Test(arguments: FaultProtocolCase.all)
    func shouldRetryFalseIsNotRetried(_ protocolCase: FaultProtocolCase) async throws {
        let run = try await run(protocolCase, "http-529-no-retry")
        defer { run.server.stop() }
        #expect(run.parts.count == 1)
        #expect(run.parts.lastError?.kind == .overloaded)
        #expect(run.server.http.requests.count == 1)
    }

    @Test(arguments: FaultProtocolCase.all)
    func aConnectionResetBeforeAnyByteIsRetried(_ protocolCase: FaultProtocolCase) async throws {
        let run = try await run(protocolCase, "reset-before-response,fail=1")
        defer { run.server.stop() }
        #expect(run.parts.warnings == ["retrying in 0.5 s after a connection failure (attempt 2 of 3)"])
        #expect(run.result.error == nil)
        #expect(run.result.text == FaultText.answer(tokens: 12))
    }

    @Test(arguments: FaultProtocolCase.all)
    func aStallAfterTextEndsWithAReadTimeout(_ protocolCase: FaultProtocolCase) async throws {
        let run = try await run(protocolCase, "stall-after-2", readTimeout: 0.3)
        defer { run.server.stop() }
        #expect(run.result.text == FaultText.answer(tokens: 2))
        let error = try #require(run.parts.lastError)
        #expect(error.kind == .timeout)
        #expect(error.message.contains("read_timeout"))
        #expect(run.server.http.requests.count == 1)
        #expect(await run.server.http.eventually { $0.hangUps == 1 })
    }

    @Test(arguments: FaultProtocolCase.all)
    func cancellingTheConsumerClosesTheSocket(_ protocolCase: FaultProtocolCase) async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let texts = Mutex(0)
        let stream = client(protocolCase, server).stream(request(protocolCase, "endless,delay=5"))
        let consumer = Task {
            for await part in stream {
                if case .textDelta = part { texts.withLock { $0 += 1 } }
            }
        }
        #expect(await server.http.eventually { _ in texts.withLock { $0 } >= 3 })
        consumer.cancel()
        await consumer.value
        #expect(await server.http.eventually { $0.hangUps == 1 && $0.openConnectionCount == 0 })
    }

    @Test func droppingTheStreamAlsoClosesTheSocket() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let model = client(FaultProtocolCase.all[1], server)
        let request = request(FaultProtocolCase.all[1], "endless,delay=5")
        let texts = await Task {
            var texts = 0
            for await part in model.stream(request) {
                if case .textDelta = part { texts += 1 }
                if texts == 3 { break }
            }
            return texts
        }.value
        #expect(texts == 3)
        #expect(await server.http.eventually { $0.hangUps == 1 && $0.openConnectionCount == 0 })
    }

    @Test(arguments: FaultProtocolCase.all)
    func listModelsReturnsEveryPage(_ protocolCase: FaultProtocolCase) async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let ids = try await client(protocolCase, server).listModels()
        #expect(ids == FaultMode.examples)
    }

    @Test(arguments: FaultProtocolCase.all)
    func hostileTextArrivesUnchangedForTheUIToNeutralise(_ protocolCase: FaultProtocolCase) async throws {
        let run = try await run(protocolCase, "hostile")
        defer { run.server.stop() }
        #expect(run.result.error == nil)
        #expect(run.result.text.contains("\u{1B}]52;c;"))
        #expect(run.result.text.contains("\u{202E}"))
        #expect(run.result.text.unicodeScalars.contains("\u{9B}"))
    }

    @Test(arguments: FaultProtocolCase.all)
    func longLinesManyLinesAndLargeAnswersArriveWhole(_ protocolCase: FaultProtocolCase) async throws {
        let long = try await run(protocolCase, "hostile-long-line")
        long.server.stop()
        #expect(long.result.text.utf8.count == 100_001)
        let many = try await run(protocolCase, "hostile-many-lines")
        many.server.stop()
        #expect(many.result.text.split(separator: "\n").count == 10_000)
        let large = try await run(protocolCase, "large-1")
        large.server.stop()
        #expect(large.result.text.utf8.count == 1 << 20)
        #expect(large.result.finish?.kind == .stop)
    }

    @Test(arguments: FaultProtocolCase.all)
    func invalidUTF8AndMalformedJSONDoNotEndTheWorld(_ protocolCase: FaultProtocolCase) async throws {
        let invalid = try await run(protocolCase, "invalid-utf8")
        invalid.server.stop()
        #expect(invalid.result.text.hasPrefix("valid start, "))
        #expect(invalid.result.text.contains("\u{FFFD}"))
        #expect(invalid.result.finish?.kind == .stop)
        let malformed = try await run(protocolCase, "malformed-json")
        malformed.server.stop()
        // The broken event is skipped with a warning; the answer around it survives.
        #expect(malformed.result.text == FaultText.answer(tokens: 6))
        #expect(malformed.parts.warnings.count == 1)
        #expect(malformed.result.error == nil)
        #expect(malformed.result.finish?.kind == .stop)
    }

    @Test(arguments: FaultProtocolCase.all)
    func aDrippedAnswerIsReassembled(_ protocolCase: FaultProtocolCase) async throws {
        let run = try await run(protocolCase, "drip,delay=0,tokens=2")
        defer { run.server.stop() }
        #expect(run.result.text == FaultText.answer(tokens: 2))
        #expect(run.result.error == nil)
    }
}
