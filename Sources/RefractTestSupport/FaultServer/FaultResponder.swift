import Foundation
import Synchronization

/// Answers one request of the fault server: routes it, parses the model name, and plays the mode.
struct FaultResponder {
    /// Shared across requests: `fail=` counters and request ids.
    final class Counters: Sendable {
        private let state = Mutex<(requests: Int, byModel: [String: Int])>((0, [:]))

        func nextRequestID() -> String {
            state.withLock { state in
                state.requests += 1
                return "req_fault_\(state.requests)"
            }
        }

        /// How many requests with this exact model name came before this one.
        func countAndIncrement(_ model: String) -> Int {
            state.withLock { state in
                let seen = state.byModel[model, default: 0]
                state.byModel[model] = seen + 1
                return seen
            }
        }
    }

    let counters: Counters

    func respond(to request: HTTPServerRequest, with writer: ResponseWriter) {
        let requestID = counters.nextRequestID()
        let idHeaders = [("request-id", requestID), ("x-request-id", requestID)]
        switch FaultRoute(request) {
        case .unknown:
            writer.respond(
                status: 404, headers: idHeaders + [("content-type", "application/json")],
                body: #"{"error":{"message":"no such endpoint on the fault server","type":"not_found_error"}}"#
            )
        case .modelList(let format):
            writer.respond(
                status: 200, headers: idHeaders + [("content-type", "application/json")],
                body: FaultModelList.body(for: format, request: request)
            )
        case .stream(let dialect, let model):
            var encoder = Self.encoder(for: dialect, model: model, requestID: requestID)
            let scenario: FaultScenario
            do {
                scenario = try FaultScenario.parse(model)
            } catch {
                let failure = FaultHTTPError(status: 404, model: model, customMessage: error.message)
                writer.respond(status: 404, headers: idHeaders + [("content-type", "application/json")], body: encoder.errorBody(failure))
                return
            }
            var mode = scenario.mode
            if let failCount = scenario.failCount, counters.countAndIncrement(model) >= failCount { mode = .ok }
            if scenario.headDelayMilliseconds > 0, !writer.sleep(Double(scenario.headDelayMilliseconds) / 1000) { return }
            switch mode {
            case .httpError(let status, let hint):
                respondWithError(status: status, hint: hint, model: model, dialect: dialect, encoder: encoder, headers: idHeaders, writer: writer)
            case .resetBeforeResponse:
                writer.reset()
            default:
                var playing = scenario
                playing.mode = mode
                FaultPlayer(scenario: playing, writer: writer).play(encoder: &encoder, headers: idHeaders)
            }
        }
    }

    private static func encoder(for dialect: FaultRoute.Dialect, model: String, requestID: String) -> any FaultStreamEncoder {
        switch dialect {
        case .anthropic: AnthropicFaultEncoder(model: model, requestID: requestID)
        case .openAIChat: OpenAIChatFaultEncoder(model: model, legacy: false)
        case .openAICompletions: OpenAIChatFaultEncoder(model: model, legacy: true)
        case .openAIResponses: OpenAIResponsesFaultEncoder(model: model)
        case .gemini(let sse): GeminiFaultEncoder(model: model, sse: sse)
        case .ollamaChat: OllamaFaultEncoder(model: model, generate: false)
        case .ollamaGenerate: OllamaFaultEncoder(model: model, generate: true)
        }
    }

    private func respondWithError(
        status: Int, hint: FaultMode.HTTPErrorHint, model: String, dialect: FaultRoute.Dialect,
        encoder: any FaultStreamEncoder, headers: [(String, String)], writer: ResponseWriter
    ) {
        var headers = headers + [("content-type", "application/json")]
        var failure = FaultHTTPError(status: status, model: model)
        switch hint {
        case .none: break
        case .retryAfterSeconds(let seconds):
            if case .gemini = dialect {
                failure.retryDelaySeconds = seconds
            } else {
                headers.append(("retry-after", seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)))
            }
        case .retryAfterMilliseconds(let ms): headers.append(("retry-after-ms", String(ms)))
        case .retryAfterDate(let seconds): headers.append(("retry-after", Self.httpDate(Date().addingTimeInterval(Double(seconds)))))
        case .shouldRetry(let retry): headers.append(("x-should-retry", retry ? "true" : "false"))
        case .quota: failure.quota = true
        }
        writer.respond(status: status, headers: headers, body: encoder.errorBody(failure))
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
