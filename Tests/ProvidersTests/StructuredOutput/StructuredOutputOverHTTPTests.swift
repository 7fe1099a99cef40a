import Foundation
import RefractTestSupport
import Testing
@testable import Providers

/// A response schema over a real socket for every protocol: each request carries it in the vendor's
/// documented field, with the schema's keys in the order the user wrote them (the rest of the body
/// keeps its sorted keys), and raw completion falls back to the prompt with a note.
@Suite struct StructuredOutputOverHTTPTests {
    /// `reasoning` before `answer`: the reverse of sorted order, so a sorted encoding would show.
    static let schemaText = #"{"type":"object","properties":{"reasoning":{"type":"string"},"answer":{"enum":["yes","no"]}},"required":["reasoning","answer"],"additionalProperties":false}"#
    static let schema = ResponseSchema(name: "verdict", schema: try! JSONParser.parse(schemaText))

    private func server(_ contentType: String, _ body: String) throws -> HTTPServer {
        try HTTPServer { _, writer in
            writer.writeHead(status: 200, headers: [("Content-Type", contentType)])
            _ = writer.write(body)
            writer.end()
        }
    }

    /// Runs one request with the schema and returns the body the server received, as text, and the parts.
    private func send(_ wire: any WireProtocol, _ contentType: String, _ reply: String, path: String = "", mode: RequestMode = .chat) async throws -> (String, [StreamPart]) {
        let server = try server(contentType, reply)
        defer { server.stop() }
        let client = ProviderClient(
            wireProtocol: wire, endpoint: ProviderEndpoint(baseURL: URL(string: server.baseURL.absoluteString + path)!, apiKey: "k"),
            transport: SharedTestTransport.transport, retryPolicy: .none, readTimeout: 5
        )
        var request = ModelRequest(model: "m", messages: [ChatMessage(role: .system, content: "Be brief."), ChatMessage(role: .user, content: "Is water wet?")], mode: mode)
        request.responseSchema = Self.schema
        let parts = await client.collect(request)
        let body = try #require(server.requests.first).body
        return (String(decoding: body, as: UTF8.self), parts)
    }

    static let sse = "text/event-stream"

    @Test func openAIChatSendsResponseFormatJSONSchema() async throws {
        let (body, parts) = try await send(OpenAIChatProtocol(), Self.sse, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"{}\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n", path: "/v1")
        #expect(body.contains(#""response_format":{"json_schema":{"name":"verdict","schema":\#(Self.schemaText),"strict":true},"type":"json_schema"}"#))
        #expect(parts.text == "{}")
        #expect(!parts.contains { if case .warning = $0 { true } else { false } })
    }

    @Test func openAIResponsesSendsTextFormat() async throws {
        let reply = "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"status\":\"completed\"}}\n\n"
        let (body, _) = try await send(OpenAIResponsesProtocol(), Self.sse, reply, path: "/v1")
        #expect(body.contains(#""text":{"format":{"name":"verdict","schema":\#(Self.schemaText),"strict":true,"type":"json_schema"}}"#))
    }

    @Test func geminiSendsResponseJSONSchemaWithTheJSONMimeType() async throws {
        let reply = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"{}\"}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}]}\n\n"
        let (body, _) = try await send(GeminiProtocol(), Self.sse, reply)
        #expect(body.contains(#""generationConfig":{"responseJsonSchema":\#(Self.schemaText),"responseMimeType":"application/json"}"#))
    }

    @Test func ollamaSendsTheSchemaAsFormat() async throws {
        let reply = "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"{}\"},\"done\":true,\"done_reason\":\"stop\"}\n"
        let (body, _) = try await send(OllamaProtocol(), "application/x-ndjson", reply)
        #expect(body.contains(#""format":\#(Self.schemaText),"#))
    }

    @Test func anthropicSendsOutputConfigFormat() async throws {
        let reply = "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"
        let (body, _) = try await send(AnthropicProtocol(), Self.sse, reply, path: "/v1")
        #expect(body.contains(#""output_config":{"format":{"schema":\#(Self.schemaText),"type":"json_schema"}}"#))
    }

    @Test func rawCompletionPutsTheSchemaInThePromptAndSaysSo() async throws {
        let (body, parts) = try await send(OpenAIChatProtocol(), Self.sse, "data: {\"choices\":[{\"index\":0,\"text\":\"{}\",\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n", path: "/v1", mode: .rawCompletion)
        #expect(!body.contains("json_schema"))
        let asked = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(asked["prompt"] as? String == "Be brief.\n\nAnswer with JSON only, no other text, following this JSON Schema:\n\(Self.schemaText)\n\nIs water wet?")
        let warnings = parts.compactMap { if case .warning(let w) = $0 { w } else { nil } }
        #expect(warnings == ["the schema is not enforced (raw completion has no schema field): it was added to the prompt instead, so the answer may not follow it"])
    }

    /// Tools' parameter schemas keep their key order too, on every protocol, each in its own place.
    @Test(arguments: [("openai-chat", "/v1"), ("openai-responses", "/v1"), ("gemini", ""), ("ollama", ""), ("anthropic", "/v1")])
    func toolParametersKeepTheirKeyOrder(_ wire: String, _ path: String) async throws {
        let server = try server(Self.sse, "")
        defer { server.stop() }
        let implementation = try #require(ProtocolName(rawValue: wire)).implementation
        let client = ProviderClient(
            wireProtocol: implementation, endpoint: ProviderEndpoint(baseURL: URL(string: server.baseURL.absoluteString + path)!, apiKey: "k"),
            transport: SharedTestTransport.transport, retryPolicy: .none, readTimeout: 5
        )
        let weather = #"{"type":"object","properties":{"city":{"type":"string"},"unit":{"enum":["c","f"]},"accuracy":{"type":"integer"}},"required":["city"]}"#
        let time = #"{"type":"object","properties":{"zone":{"type":"string"},"format":{"type":"string"}}}"#
        var request = ModelRequest(model: "m", messages: [ChatMessage(role: .user, content: "Weather?")])
        request.tools = [
            ToolDefinition(name: "weather", parameters: try JSONParser.parse(weather)),
            ToolDefinition(name: "time", parameters: try JSONParser.parse(time)),
        ]
        _ = await client.collect(request)
        let body = String(decoding: try #require(server.requests.first).body, as: UTF8.self)
        #expect(body.contains(weather) && body.contains(time), "\(wire): \(body)")
        #expect(!body.contains("@@refract"))
    }

    @Test func aPlaceholderLookalikeInTheTextIsLeftAlone() throws {
        var request = ModelRequest(model: "m", messages: [ChatMessage(role: .user, content: "\"\(SchemaSplice.token)\"")])
        request.responseSchema = Self.schema
        let spec = try OpenAIChatProtocol().streamRequest(for: request, endpoint: ProviderEndpoint(baseURL: URL(string: "http://x/v1")!))
        let body = String(decoding: spec.body ?? Data(), as: UTF8.self)
        #expect(body.contains(#""content":"\"\#(SchemaSplice.token)\"""#))
        #expect(body.contains(#""schema":\#(Self.schemaText)"#))
    }
}
