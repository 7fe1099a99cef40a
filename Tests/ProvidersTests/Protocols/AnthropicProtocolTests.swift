import Foundation
import Testing
@testable import Providers

@Suite struct AnthropicProtocolTests {
    private let wire = AnthropicProtocol()

    @Test func streamRequestEncodesURLHeadersAndBody() throws {
        let endpoint = ProtocolTestValues.endpoint("https://api.anthropic.com/v1/", extra: ["anthropic-beta": "x-2025"])
        let spec = try wire.streamRequest(for: ProtocolTestValues.chatRequest, endpoint: endpoint)
        #expect(spec.method == "POST")
        #expect(spec.url.absoluteString == "https://api.anthropic.com/v1/messages")
        #expect(spec.headers["x-api-key"] == "sk-test-secret-key")
        #expect(spec.headers["anthropic-version"] == "2023-06-01")
        #expect(spec.headers["content-type"] == "application/json")
        #expect(spec.headers["accept"] == "text/event-stream")
        #expect(spec.headers["anthropic-beta"] == "x-2025")
        #expect(spec.headers["authorization"] == nil)
        #expect(ProtocolTestValues.bodyText(spec) == #"{"max_tokens":100,"messages":[{"content":"Hi","role":"user"},{"content":"Hello","role":"assistant"},{"content":"Name a colour","role":"user"}],"model":"some-model","stop_sequences":["END"],"stream":true,"system":"Be brief.","temperature":0.5,"top_p":0.9}"#)
    }

    @Test func maxTokensDefaultsTo4096AndOptionalFieldsAreLeftOut() throws {
        let spec = try wire.streamRequest(for: ProtocolTestValues.bareRequest, endpoint: ProtocolTestValues.endpoint("https://api.anthropic.com/v1"))
        #expect(ProtocolTestValues.bodyText(spec) == #"{"max_tokens":4096,"messages":[{"content":"Hi","role":"user"}],"model":"some-model","stream":true}"#)
    }

    @Test func extraHeadersOverrideDefaults() throws {
        let endpoint = ProtocolTestValues.endpoint("https://api.anthropic.com/v1", extra: ["Anthropic-Version": "2099-01-01"])
        let spec = try wire.streamRequest(for: ProtocolTestValues.bareRequest, endpoint: endpoint)
        #expect(spec.headers["anthropic-version"] == "2099-01-01")
        #expect(spec.headers.filter { $0.name.lowercased() == "anthropic-version" }.count == 1)
    }

    @Test func rawCompletionModeIsRefused() {
        let error = #expect(throws: ProviderError.self) {
            try wire.streamRequest(for: ProtocolTestValues.rawRequest, endpoint: ProtocolTestValues.endpoint("https://api.anthropic.com/v1"))
        }
        #expect(error?.kind == .invalidInput)
        #expect(error?.message.contains("raw-completion") == true)
    }

    @Test func nonFiniteTemperatureIsInvalidInput() {
        var request = ProtocolTestValues.bareRequest
        request.parameters.temperature = .nan
        #expect(throws: ProviderError(kind: .invalidInput, message: "the request could not be encoded as JSON: check that every parameter is a finite number")) {
            try wire.streamRequest(for: request, endpoint: ProtocolTestValues.endpoint("https://api.anthropic.com/v1"))
        }
    }

    @Test func notFoundErrorNamesTheModelAndCarriesTheRequestID() {
        let body = #"{"type":"error","error":{"type":"not_found_error","message":"model: claude-does-not-exist"},"request_id":"req_011"}"#
        let error = wire.error(status: 404, headers: [:], body: ProtocolTestValues.data(body), model: "claude-does-not-exist")
        #expect(error.kind == .modelNotFound)
        #expect(error.status == 404)
        #expect(error.requestID == "req_011")
        #expect(error.message.contains("model 'claude-does-not-exist' was not found"))
        #expect(error.message.contains("refract models"))
        #expect(error.message.contains("model: claude-does-not-exist"))
    }

    @Test func unauthorizedSaysWhichKeyToCheck() {
        let body = #"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#
        let error = wire.error(status: 401, headers: ["request-id": "req_9"], body: ProtocolTestValues.data(body), model: "m")
        #expect(error.kind == .unauthorized)
        #expect(error.message.hasPrefix("the API key was rejected: check ANTHROPIC_API_KEY"))
        #expect(error.message.contains("invalid x-api-key"))
        #expect(error.requestID == "req_9")
    }

    @Test func overloaded529AndRetryAfterHeaders() {
        let body = #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#
        let error = wire.error(status: 529, headers: ["retry-after": "7", "x-should-retry": "true"], body: ProtocolTestValues.data(body), model: "m")
        #expect(error.kind == .overloaded)
        #expect(error.retryAfter == 7)
        #expect(error.isRetryable)
    }

    @Test func overloadedTypeRefinesA500() {
        let body = #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#
        #expect(wire.error(status: 500, headers: [:], body: ProtocolTestValues.data(body), model: "m").kind == .overloaded)
    }

    @Test func rateLimitWithRetryAfterMilliseconds() {
        let body = #"{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}"#
        let error = wire.error(status: 429, headers: ["retry-after-ms": "1500", "retry-after": "9"], body: ProtocolTestValues.data(body), model: "m")
        #expect(error.kind == .rateLimited)
        #expect(error.retryAfter == 1.5)
    }

    @Test func billingErrorIsForbidden() {
        let body = #"{"type":"error","error":{"type":"billing_error","message":"Your credit balance is too low"}}"#
        let error = wire.error(status: 400, headers: [:], body: ProtocolTestValues.data(body), model: "m")
        #expect(error.kind == .forbidden)
    }

    @Test func modelListRequestAndPaging() throws {
        let first = wire.modelListRequest(endpoint: ProtocolTestValues.endpoint("https://api.anthropic.com/v1"), pageToken: nil)
        #expect(first.method == "GET")
        #expect(first.url.absoluteString == "https://api.anthropic.com/v1/models?limit=1000")
        #expect(first.headers["x-api-key"] == "sk-test-secret-key")
        #expect(first.headers["anthropic-version"] == "2023-06-01")
        let next = wire.modelListRequest(endpoint: ProtocolTestValues.endpoint("https://api.anthropic.com/v1"), pageToken: "claude-b")
        #expect(next.url.absoluteString == "https://api.anthropic.com/v1/models?limit=1000&after_id=claude-b")

        let page = try wire.parseModelList(ProtocolTestValues.data(#"{"data":[{"id":"claude-a","type":"model","display_name":"A","created_at":"2026-01-01T00:00:00Z"},{"id":"claude-b","type":"model"}],"has_more":true,"first_id":"claude-a","last_id":"claude-b"}"#))
        #expect(page == ModelListPage(modelIDs: ["claude-a", "claude-b"], nextPageToken: "claude-b"))
        let last = try wire.parseModelList(ProtocolTestValues.data(#"{"data":[{"id":"claude-c"}],"has_more":false,"last_id":"claude-c"}"#))
        #expect(last == ModelListPage(modelIDs: ["claude-c"], nextPageToken: nil))
        #expect(throws: ProviderError.self) { try wire.parseModelList(ProtocolTestValues.data("<html>")) }
    }
}
