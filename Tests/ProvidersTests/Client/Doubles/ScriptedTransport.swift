import Foundation
import Synchronization
@testable import Providers

/// A transport that answers from a script, one entry per request, and records what was sent.
final class ScriptedTransport: HTTPTransport {
    /// One scripted answer.
    enum Answer: Sendable {
        case fail(ProviderError)
        case respond(status: Int, headers: HeaderFields = [:], chunks: [String] = [], then: ProviderError? = nil)
    }

    private let state: Mutex<(answers: [Answer], sent: [HTTPRequestSpec], timeouts: [Double])>

    init(_ answers: [Answer]) {
        state = Mutex((answers: answers, sent: [], timeouts: []))
    }

    var sent: [HTTPRequestSpec] { state.withLock { $0.sent } }
    var readTimeouts: [Double] { state.withLock { $0.timeouts } }

    func send(_ request: HTTPRequestSpec, readTimeout: Double) async throws(ProviderError) -> HTTPResponse {
        let answer: Answer? = state.withLock { state in
            state.sent.append(request)
            state.timeouts.append(readTimeout)
            return state.answers.isEmpty ? nil : state.answers.removeFirst()
        }
        switch answer {
        case nil:
            throw ProviderError(kind: .other, message: "script exhausted")
        case .fail(let error):
            throw error
        case .respond(let status, let headers, let chunks, let failure):
            return HTTPResponse(
                status: status, headers: headers, body: HTTPResponseBody(chunks: chunks.map { Array($0.utf8) }, failure: failure)
            )
        }
    }
}

/// A retry clock that never waits: it records each sleep and advances its own time.
final class VirtualClock: RetryClock {
    private let state: Mutex<(now: Date, sleeps: [Double])>

    init(now: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        state = Mutex((now: now, sleeps: []))
    }

    var now: Date { state.withLock { $0.now } }
    var sleeps: [Double] { state.withLock { $0.sleeps } }

    func sleep(seconds: Double) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.sleeps.append(seconds)
            state.now += seconds
        }
    }
}

extension LanguageModel {
    /// Every part of one run.
    func collect(_ request: ModelRequest) async -> [StreamPart] {
        var parts: [StreamPart] = []
        for await part in stream(request) { parts.append(part) }
        return parts
    }
}

extension [StreamPart] {
    var text: String {
        compactMap { if case .textDelta(let t) = $0 { t } else { nil } }.joined()
    }

    var warnings: [String] {
        compactMap { if case .warning(let w) = $0 { w } else { nil } }
    }

    var errors: [ProviderError] {
        compactMap { if case .error(let e) = $0 { e } else { nil } }
    }

    var lastError: ProviderError? {
        if case .error(let e)? = last { e } else { nil }
    }
}
