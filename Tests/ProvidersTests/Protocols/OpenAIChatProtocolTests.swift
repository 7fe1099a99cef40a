import Foundation
import Testing
@testable import Providers

@Suite struct OpenAIChatProtocolTests {
    private let wire = OpenAIChatProtocol()

    @Test func openAIHostGetsMaxCompletionTokensAndBearerKey() throws {
        let spec = try wire.streamRequest(for: ProtocolTestValues.chatRequest, endpoint: ProtocolTestValues.endpoint("https://api.openai.com/v1"))
        #expect(spec.method == "POST")
        #expect(spec.url.absoluteString == "https://api.openai.com/v1/chat/completions")
        #expect(spec.headers["Authorization"] == "Bearer sk-test-secret-key")
        #expect(spec.headers["Content-Type"] == "application/json")
        #expect(spec.headers["Accept"] == "text/event-stream")
        #expect(ProtocolTestValues.bodyText(spec) == #"{"max_completion_tokens":100,"messages":[{"content":"Be brief.","role":"system"},{"content":"Hi","role":"user"},{"content":"Hello","role":"assistant"},{"content":"Name a colour","role":"user"}],"model":"some-model","seed":42,"stop":["END"],"stream":true,"stream_options":{"include_usage":true},"temperature":0.5,"top_p":0.9}"#)
    }

    @Test func compatibleServerGetsMaxTokensAndNoAuthWithoutKey() throws {
        let spec = try wire.streamRequest(for: ProtocolTestValues.chatRequest, endpoint: ProtocolTestValues.endpoint("http://127.0.0.1:8080/v1", key: nil, extra: ["HTTP-Referer": "refract"]))
        #expect(spec.url.absoluteString == "http://127.0.0.1:8080/v1/chat/completions")
        #expect(spec.headers["Authorization"] == nil)
        #expect(spec.headers["HTTP-Referer"] == "refract")
        let body = ProtocolTestValues.bodyText(spec)
        #expect(body.contains(#""max_tokens":100"#))
        #expect(!body.contains("max_completion_tokens"))
    }

    @Test func emptyKeySendsNoAuthorization() throws {
        let spec = try wire.streamRequest(for: ProtocolTestValues.bareRequest, endpoint: ProtocolTestValues.endpoint("http://localhost:8080/v1", key: ""))
        #expect(spec.headers["Authorization"] == nil)
    }

    @Test func rawCompletionUsesCompletionsWithThePrompt() throws {
        let spec = try wire.streamRequest(for: ProtocolTestValues.rawRequest, endpoint: ProtocolTestValues.endpoint("https://api.openai.com/v1"))
        #expect(spec.url.absoluteString == "https://api.openai.com/v1/completions")
        #expect(ProtocolTestValues.bodyText(spec) == #"{"max_tokens":20,"model":"base-model","prompt":"Once upon\n\na time","stream":true,"stream_options":{"include_usage":true}}"#)
    }

    @Test func incorrectKeyErrorNeverEchoesTheKey() {
        let body = #"{"error":{"message":"Incorrect API key provided: sk-abc***************************xyz. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
        let error = wire.error(status: 401, headers: ["x-request-id": "req_abc"], body: ProtocolTestValues.data(body), model: "gpt-x")
        #expect(error.kind == .unauthorized)
        #expect(error.requestID == "req_abc")
        #expect(!error.message.contains("sk-abc"))
        #expect(!error.message.contains("xyz"))
        #expect(error.message.contains("[redacted]"))
        #expect(error.message.contains("OPENAI_API_KEY"))
    }

    @Test func badRequestCarriesTheProvidersMessageOnOneLine() {
        let body = "{\"error\":{\"code\":\"decimal_below_min_value\",\"message\":\"Invalid 'temperature':\\ndecimal below minimum value.\",\"param\":\"temperature\",\"type\":\"invalid_request_error\"}}"
        let error = wire.error(status: 400, headers: [:], body: ProtocolTestValues.data(body), model: "gpt-x")
        #expect(error.kind == .badRequest)
        #expect(error.message.contains("Invalid 'temperature': decimal below minimum value."))
        #expect(!error.message.contains("\n"))
    }

    @Test func longMessagesAreTrimmed() {
        let long = String(repeating: "word ", count: 200)
        let error = wire.error(status: 400, headers: [:], body: ProtocolTestValues.data(#"{"error":{"message":"\#(long)"}}"#), model: "m")
        #expect(error.message.count < 500)
        #expect(error.message.contains("…"))
    }

    @Test func insufficientQuotaIsForbiddenNotRetryable() {
        let body = #"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#
        let error = wire.error(status: 429, headers: [:], body: ProtocolTestValues.data(body), model: "m")
        #expect(error.kind == .forbidden)
        #expect(!error.isRetryable)
    }

    @Test func rateLimitRetryAfterAsHTTPDate() {
        let now = RetryAfter.httpDate("Wed, 21 Oct 2015 07:28:00 GMT")!
        let headers: HeaderFields = ["Retry-After": "Wed, 21 Oct 2015 07:28:30 GMT"]
        #expect(RetryAfter.seconds(from: headers, now: now) == 30)
        #expect(RetryAfter.seconds(from: ["retry-after": "2.5"]) == 2.5)
        #expect(RetryAfter.seconds(from: ["retry-after": "soon"]) == nil)
        let error = wire.error(status: 429, headers: ["retry-after": "20"], body: ProtocolTestValues.data(#"{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}"#), model: "m")
        #expect(error.kind == .rateLimited)
        #expect(error.retryAfter == 20)
        #expect(error.message.contains("wait 20 s"))
        let huge = wire.error(status: 429, headers: ["retry-after": "1e300"], body: Data(), model: "m")
        #expect(huge.retryAfter == 1e300)
    }

    @Test func statusesMapToKinds() {
        let cases: [(Int, ProviderError.Kind)] = [
            (400, .badRequest), (401, .unauthorized), (403, .forbidden), (404, .modelNotFound),
            (408, .serverError), (409, .serverError), (413, .badRequest), (429, .rateLimited),
            (500, .serverError), (502, .serverError), (503, .overloaded), (529, .overloaded),
        ]
        for (status, kind) in cases {
            #expect(wire.error(status: status, headers: [:], body: Data(), model: "m").kind == kind, "HTTP \(status)")
        }
    }

    @Test func llamaCppIntegerCodeAndHTMLBodies() {
        let llama = wire.error(status: 401, headers: [:], body: ProtocolTestValues.data(#"{"error":{"code":401,"message":"Invalid API Key","type":"authentication_error"}}"#), model: "m")
        #expect(llama.kind == .unauthorized)
        #expect(llama.message.contains("Invalid API Key"))
        let html = wire.error(status: 502, headers: [:], body: ProtocolTestValues.data("<html><body>Bad gateway</body></html>"), model: "m")
        #expect(html.kind == .serverError)
        #expect(html.message.contains("HTML page"))
        #expect(!html.message.contains("<html>"))
    }

    @Test func modelNotFound() {
        let body = #"{"error":{"message":"The model `gpt-9` does not exist or you do not have access to it.","type":"invalid_request_error","param":null,"code":"model_not_found"}}"#
        let error = wire.error(status: 404, headers: [:], body: ProtocolTestValues.data(body), model: "gpt-9")
        #expect(error.kind == .modelNotFound)
        #expect(error.message.hasPrefix("model 'gpt-9' was not found"))
    }

    @Test func modelList() throws {
        let spec = wire.modelListRequest(endpoint: ProtocolTestValues.endpoint("http://127.0.0.1:8080/v1/"), pageToken: nil)
        #expect(spec.method == "GET")
        #expect(spec.url.absoluteString == "http://127.0.0.1:8080/v1/models")
        #expect(spec.headers["Authorization"] == "Bearer sk-test-secret-key")
        #expect(spec.body == nil)
        let page = try wire.parseModelList(ProtocolTestValues.data(#"{"object":"list","data":[{"id":"gpt-4o","object":"model","created":1,"owned_by":"system"},{"id":"local","owned_by":"llamacpp","meta":{"n_ctx_train":4096}}]}"#))
        #expect(page == ModelListPage(modelIDs: ["gpt-4o", "local"]))
        #expect(throws: ProviderError.self) { try wire.parseModelList(ProtocolTestValues.data(#"{"models":[]}"#)) }
    }
}
