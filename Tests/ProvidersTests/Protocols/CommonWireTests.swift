import Foundation
import Testing
@testable import Providers

@Suite struct CommonWireTests {
    @Test func endpointURLKeepsTheRootPathAndAddsQuery() throws {
        #expect(try EndpointURL.make(URL(string: "https://h/v1")!, path: "messages").absoluteString == "https://h/v1/messages")
        #expect(try EndpointURL.make(URL(string: "https://h/v1///")!, path: "messages").absoluteString == "https://h/v1/messages")
        #expect(try EndpointURL.make(URL(string: "http://h:8080")!, path: "api/chat").absoluteString == "http://h:8080/api/chat")
        #expect(EndpointURL.lenient(URL(string: "https://h/v1?x=1")!, path: "models", query: [URLQueryItem(name: "limit", value: "5")]).absoluteString == "https://h/v1/models?x=1&limit=5")
        #expect(EndpointURL.pathSegment("a b/ü:c") == "a%20b%2F%C3%BC:c")
    }

    @Test func retryDelayDurations() {
        #expect(RetryAfter.seconds(fromDuration: "34.4s") == 34.4)
        #expect(RetryAfter.seconds(fromDuration: "2s") == 2)
        #expect(RetryAfter.seconds(fromDuration: "2m") == nil)
    }

    @Test func providerTextIsOneRedactedBoundedLine() {
        #expect(ProviderText.oneLine("a\n\n b\tc  sk-secretkey1") == "a b c [redacted]")
        #expect(ProviderText.oneLine(String(repeating: "x", count: 400)).count == 301)
    }

    @Test func errorBodyShapes() {
        let ollama = ProviderErrorBody(parsing: Data(#"{"error":"boom"}"#.utf8))
        #expect(ollama.message == "boom")
        let fastAPI = ProviderErrorBody(parsing: Data(#"{"detail":"Not Found"}"#.utf8))
        #expect(fastAPI.message == "Not Found")
        let plain = ProviderErrorBody(parsing: Data("upstream connect error\n".utf8))
        #expect(plain.message == "upstream connect error")
        let anthropic = ProviderErrorBody(parsing: Data(#"{"type":"error","error":{"type":"rate_limit_error","message":"slow"},"request_id":"req_1"}"#.utf8))
        #expect(anthropic.labels == ["rate_limit_error"])
        #expect(anthropic.requestID == "req_1")
        let vllm = ProviderErrorBody(parsing: Data(#"{"error":{"message":"m","type":"BadRequestError","param":null,"code":400}}"#.utf8))
        #expect(vllm.labels == ["BadRequestError", "400"])
    }

    @Test func jsonValueRoundTripsWithSortedKeysAndIntegers() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"b":[1,2.5,true,null,"s"],"a":{"z":-3}}"#.utf8))
        #expect(value.jsonText == #"{"a":{"z":-3},"b":[1,2.5,true,null,"s"]}"#)
    }

    @Test func everyProtocolNameHasItsImplementation() {
        for name in ProtocolName.allCases {
            #expect(name.implementation.name == name)
        }
    }
}
