import Foundation
import RefractTestSupport
import Testing
@testable import Providers

/// Token probabilities over a real socket for every protocol that has them: each request asks in its
/// own shape, each stream's tokens come out as the same neutral parts, and a model that refuses them
/// (Gemini's Developer API for many models) costs a note, not the run.
@Suite struct LogprobsOverHTTPTests {
    static let hello = TokenLogprob(token: "Hello", logprob: -0.25, top: [TokenAlternative(token: "Hello", logprob: -0.25), TokenAlternative(token: "Hi", logprob: -1.5)])
    static let bang = TokenLogprob(token: "!", logprob: -0.5)

    /// Serves `body` once per request with `contentType`, recording what was asked.
    private func server(_ contentType: String, _ body: String) throws -> HTTPServer {
        try HTTPServer { _, writer in
            writer.writeHead(status: 200, headers: [("Content-Type", contentType)])
            _ = writer.write(body)
            writer.end()
        }
    }

    private func run(_ wire: any WireProtocol, _ server: HTTPServer, path: String = "", logprobs: Int? = 2) async -> [StreamPart] {
        let client = ProviderClient(
            wireProtocol: wire, endpoint: ProviderEndpoint(baseURL: URL(string: server.baseURL.absoluteString + path)!, apiKey: "k"),
            transport: SharedTestTransport.transport, retryPolicy: .none, readTimeout: 5
        )
        var request = ModelRequest(model: "m", messages: [ChatMessage(role: .user, content: "hi")])
        request.parameters.logprobs = logprobs
        return await client.collect(request)
    }

    private func tokens(_ parts: [StreamPart]) -> [TokenLogprob] {
        parts.flatMap { part -> [TokenLogprob] in
            if case .logprobs(let t) = part { return t }
            return []
        }
    }

    @Test func openAIResponsesAsksWithIncludeAndReadsEachDelta() async throws {
        let body = """
            event: response.output_text.delta
            data: {"type":"response.output_text.delta","item_id":"m1","output_index":0,"content_index":0,"delta":"Hello","logprobs":[{"token":"Hello","logprob":-0.25,"bytes":[72],"top_logprobs":[{"token":"Hi","logprob":-1.5},{"token":"Hello","logprob":-0.25}]}]}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","item_id":"m1","output_index":0,"content_index":0,"delta":"!","logprobs":[{"token":"!","logprob":-0.5,"top_logprobs":[]}]}

            event: response.completed
            data: {"type":"response.completed","response":{"status":"completed","usage":{"input_tokens":3,"output_tokens":2}}}


            """
        let server = try server("text/event-stream", body)
        defer { server.stop() }
        let parts = await run(OpenAIResponsesProtocol(), server, path: "/v1")
        #expect(parts.text == "Hello!")
        #expect(tokens(parts) == [Self.hello, Self.bang])
        let asked = try #require(server.requests.first?.jsonBody)
        #expect(asked["top_logprobs"] as? Int == 2)
        #expect(asked["include"] as? [String] == ["message.output_text.logprobs"])
    }

    @Test func ollamaAsksAtTheTopLevelAndReadsEachLine() async throws {
        let body = """
            {"model":"m","message":{"role":"assistant","content":"Hello"},"logprobs":[{"token":"Hello","logprob":-0.25,"top_logprobs":[{"token":"Hello","logprob":-0.25},{"token":"Hi","logprob":-1.5}]}],"done":false}
            {"model":"m","message":{"role":"assistant","content":"!"},"logprobs":[{"token":"!","logprob":-0.5}],"done":false}
            {"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":3,"eval_count":2}

            """
        let server = try server("application/x-ndjson", body)
        defer { server.stop() }
        let parts = await run(OllamaProtocol(), server)
        #expect(parts.text == "Hello!")
        #expect(tokens(parts) == [Self.hello, Self.bang])
        let asked = try #require(server.requests.first?.jsonBody)
        #expect(asked["logprobs"] as? Bool == true)
        #expect(asked["top_logprobs"] as? Int == 2)
        #expect((asked["options"] as? [String: Any])?["logprobs"] == nil, "top-level, not an option")
    }

    static let geminiBody = """
        data: {"candidates":[{"content":{"parts":[{"text":"Hello"}],"role":"model"},"index":0,"logprobsResult":{"topCandidates":[{"candidates":[{"token":"Hello","tokenId":1,"logProbability":-0.25},{"token":"Hi","tokenId":2,"logProbability":-1.5}]}],"chosenCandidates":[{"token":"Hello","tokenId":1,"logProbability":-0.25}]}}]}

        data: {"candidates":[{"content":{"parts":[{"text":"!"}],"role":"model"},"finishReason":"STOP","index":0,"logprobsResult":{"topCandidates":[{"candidates":[]}],"chosenCandidates":[{"token":"!","tokenId":3,"logProbability":-0.5}]}}],"usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":2,"totalTokenCount":5}}


        """

    @Test func geminiAsksInTheGenerationConfigAndReadsTheChosenAndTopCandidates() async throws {
        let server = try server("text/event-stream", Self.geminiBody)
        defer { server.stop() }
        let parts = await run(GeminiProtocol(), server, path: "/v1beta")
        #expect(parts.text == "Hello!")
        #expect(tokens(parts) == [Self.hello, Self.bang])
        let config = try #require(server.requests.first?.jsonBody?["generationConfig"] as? [String: Any])
        #expect(config["responseLogprobs"] as? Bool == true)
        #expect(config["logprobs"] as? Int == 2)
    }

    @Test func aModelThatRefusesThemGivesANoteAndAnOrdinaryRun() async throws {
        // The Developer API's answer for models without log-probabilities; the same request without
        // them streams normally.
        let server = try HTTPServer { request, writer in
            if request.bodyText.contains("responseLogprobs") {
                writer.respond(status: 400, headers: [("Content-Type", "application/json")],
                               body: #"{"error":{"code":400,"message":"Logprobs is not supported for the current model.","status":"INVALID_ARGUMENT"}}"#)
                return
            }
            writer.writeHead(status: 200, headers: [("Content-Type", "text/event-stream")])
            _ = writer.write(Self.geminiBody)
            writer.end()
        }
        defer { server.stop() }
        let parts = await run(GeminiProtocol(), server, path: "/v1beta")
        var run = RunAccumulator()
        for part in parts { run.add(part) }
        #expect(run.error == nil)
        #expect(run.text == "Hello!")
        let notes = parts.compactMap { if case .warning(let w) = $0 { w } else { nil } }
        #expect(notes.count == 1)
        #expect(notes.first?.contains("no token probabilities for m") == true)
        #expect(notes.first?.contains("Logprobs is not supported for the current model.") == true)
        #expect(server.requests.count == 2)
        #expect(server.requests.last?.bodyText.contains("logprobs") == false)
    }

    @Test func aBadRequestForAnotherReasonIsStillAnError() async throws {
        let server = try HTTPServer { _, writer in
            writer.respond(status: 400, headers: [("Content-Type", "application/json")],
                           body: #"{"error":{"code":400,"message":"Invalid value at 'contents'.","status":"INVALID_ARGUMENT"}}"#)
        }
        defer { server.stop() }
        let parts = await run(GeminiProtocol(), server, path: "/v1beta")
        var run = RunAccumulator()
        for part in parts { run.add(part) }
        #expect(run.error?.message.contains("Invalid value at 'contents'.") == true)
        #expect(server.requests.count == 1)
    }

    @Test func anthropicSaysOnceThatItHasNoneAndTheRunGoesOn() async throws {
        let body = """
            event: message_start
            data: {"type":"message_start","message":{"id":"x","type":"message","role":"assistant","model":"m","content":[],"usage":{"input_tokens":3,"output_tokens":0}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello!"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}

            event: message_stop
            data: {"type":"message_stop"}


            """
        let server = try server("text/event-stream", body)
        defer { server.stop() }
        let parts = await run(AnthropicProtocol(), server, path: "/v1")
        #expect(parts.text == "Hello!")
        #expect(parts.first == .warning("this provider does not return token probabilities (anthropic has none); the answer comes without them"))
        #expect(tokens(parts).isEmpty)
        #expect(server.requests.first?.bodyText.contains("logprob") == false)
    }
}
