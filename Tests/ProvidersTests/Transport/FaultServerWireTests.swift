import Foundation
import RefractTestSupport
import Testing
@testable import Providers

/// What the fault server puts on the wire, read as raw bytes through the real transport.
@Suite(.serialized) struct FaultServerWireTests {
    var transport: AsyncHTTPTransport { SharedTestTransport.transport }

    func post(_ server: FaultServer, _ path: String, json: String, headers: HeaderFields = ["content-type": "application/json"]) async throws -> (HTTPResponse, [UInt8]) {
        let url = URL(string: server.baseURL.absoluteString + path)!
        let response = try await transport.send(HTTPRequestSpec(method: "POST", url: url, headers: headers, body: Data(json.utf8)), readTimeout: 5)
        var bytes: [UInt8] = []
        for try await chunk in response.body { bytes += chunk }
        return (response, bytes)
    }

    func get(_ server: FaultServer, _ path: String, headers: HeaderFields = [:]) async throws -> String {
        let url = URL(string: server.baseURL.absoluteString + path)!
        let response = try await transport.send(HTTPRequestSpec(method: "GET", url: url, headers: headers), readTimeout: 5)
        #expect(response.status == 200)
        return String(decoding: try await response.body.collect(upTo: 1 << 20), as: UTF8.self)
    }

    @Test func openAIChatEndsWithDoneAndCarriesTheDeterministicText() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let (response, bytes) = try await post(server, "/v1/chat/completions", json: #"{"model":"ok,tokens=3","stream":true}"#)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/event-stream")
        #expect(response.requestID == "req_fault_1")
        #expect(text.hasSuffix("data: [DONE]\n\n"))
        #expect(text.contains(#""content":"The""#) && text.contains(#""content":" quick""#) && text.contains(#""content":" brown""#))
        #expect(!text.contains(#""content":" fox""#))
        #expect(text.contains(#""completion_tokens":3"#))
        #expect(FaultText.answer(tokens: 3) == "The quick brown")
    }

    @Test func geminiSSEUsesCRLFAndTheArrayFormIsValidJSON() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let (_, sse) = try await post(server, "/v1beta/models/ok,tokens=2:streamGenerateContent?alt=sse", json: "{}")
        let sseText = String(decoding: sse, as: UTF8.self)
        #expect(sseText.components(separatedBy: "\r\n\r\n").filter { !$0.isEmpty }.count == 3)
        #expect(sseText.contains(#""finishReason":"STOP""#))

        let (array, arrayBytes) = try await post(server, "/v1beta/models/ok,tokens=2:streamGenerateContent", json: "{}")
        #expect(array.headers["content-type"]?.hasPrefix("application/json") == true)
        let parsed = try JSONSerialization.jsonObject(with: Data(arrayBytes)) as? [Any]
        #expect(parsed?.count == 3)
    }

    @Test func ollamaStreamsOneJSONObjectPerLine() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        for path in ["/api/chat", "/api/generate"] {
            let (response, bytes) = try await post(server, path, json: #"{"model":"ok,tokens=4,reasoning=1"}"#)
            #expect(response.headers["content-type"] == "application/x-ndjson")
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            #expect(lines.count == 6, "\(path)")
            for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(line)") }
            #expect(lines.last?.contains(#""done":true"#) == true)
            #expect(lines.last?.contains(#""eval_count":5"#) == true)
        }
    }

    @Test func errorModesAnswerInTheProtocolShapeWithHints() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let (anthropic, body) = try await post(server, "/v1/messages", json: #"{"model":"http-429-retry-after-2"}"#, headers: ["anthropic-version": "2023-06-01"])
        #expect(anthropic.status == 429)
        #expect(anthropic.headers["retry-after"] == "2")
        #expect(String(decoding: body, as: UTF8.self).contains(#""type":"rate_limit_error""#))

        let (gemini, geminiBody) = try await post(server, "/v1beta/models/http-429-retry-after-3:streamGenerateContent?alt=sse", json: "{}")
        #expect(gemini.headers["retry-after"] == nil)
        #expect(String(decoding: geminiBody, as: UTF8.self).contains(#""retryDelay": "3.0s""#))

        let (ms, _) = try await post(server, "/v1/chat/completions", json: #"{"model":"http-503-retry-after-ms-150"}"#)
        #expect(ms.headers["retry-after-ms"] == "150")
        let (noRetry, _) = try await post(server, "/v1/responses", json: #"{"model":"http-529-no-retry"}"#)
        #expect(noRetry.status == 529)
        #expect(noRetry.headers["x-should-retry"] == "false")
        let (dated, _) = try await post(server, "/v1/responses", json: #"{"model":"http-429-retry-after-date-30"}"#)
        let wait = try #require(dated.headers["retry-after"].flatMap { RetryPolicy.parseRetryAfter($0, now: Date()) })
        #expect(wait > 25 && wait <= 31)
        let (unknown, unknownBody) = try await post(server, "/api/chat", json: #"{"model":"no-such-mode"}"#)
        #expect(unknown.status == 404)
        #expect(String(decoding: unknownBody, as: UTF8.self).contains("unknown fault mode"))
    }

    @Test func failCountsPerExactModelName() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        var statuses: [Int] = []
        for model in ["http-500,fail=2", "http-500,fail=2", "http-500,fail=2", "http-500,fail=2,id=b"] {
            let (response, _) = try await post(server, "/v1/chat/completions", json: #"{"model":"\#(model)"}"#)
            statuses.append(response.status)
        }
        #expect(statuses == [500, 500, 200, 500])
    }

    @Test func modelListsPageTheWayEachProviderDoes() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let openAI = try await get(server, "/v1/models")
        #expect(openAI.contains(#""object":"list""#) && openAI.contains(#""id":"http-529""#))
        let anthropic = try await get(server, "/v1/models?limit=2", headers: ["anthropic-version": "2023-06-01"])
        #expect(anthropic.contains(#""has_more":true"#) && anthropic.contains(#""last_id":"ok,tokens=200,delay=30""#))
        let gemini = try await get(server, "/v1beta/models?pageSize=3&pageToken=3")
        #expect(gemini.contains(#""name":"models/http-401""#) && gemini.contains(#""nextPageToken":"6""#))
        let ollama = try await get(server, "/api/tags")
        #expect(ollama.contains(#""name":"hostile""#))
    }

    @Test func invalidUTF8ModeReallySendsInvalidBytes() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let (_, bytes) = try await post(server, "/v1/chat/completions", json: #"{"model":"invalid-utf8"}"#)
        #expect(bytes.contains(0xFF))
        #expect(String(validating: bytes, as: UTF8.self) == nil)
    }

    @Test func resetBeforeResponseResetsWithoutAByte() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let url = URL(string: server.baseURL.absoluteString + "/v1/chat/completions")!
        let error = await #expect(throws: ProviderError.self) {
            _ = try await transport.send(HTTPRequestSpec(method: "POST", url: url, body: Data(#"{"model":"reset-before-response"}"#.utf8)), readTimeout: 5)
        }
        #expect(error?.kind == .unreachable)
    }
}
