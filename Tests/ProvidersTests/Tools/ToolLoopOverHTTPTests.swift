import Foundation
import RefractTestSupport
import Testing
@testable import Providers

/// The tool loop over a real socket, for each protocol: a scripted server calls `get_weather` twice,
/// then answers. The first request carries the tool list and choice in the vendor's documented shape;
/// the third carries both steps' calls and results; the parts show the whole loop as one run.
@Suite struct ToolLoopOverHTTPTests {
    static let turns: [ToolScriptTurn] = [
        .call("call_1", "get_weather", #"{"city":"Paris"}"#),
        .call("call_2", "get_weather", #"{"city":"Oslo"}"#),
        .text("Paris is sunny, and so is Oslo."),
    ]

    struct Outcome {
        var parts: [StreamPart]
        var requests: [[String: Any]]
    }

    private func loop(_ wire: any WireProtocol, protocolName: String, path: String) async throws -> Outcome {
        let server = try ScriptedToolServer(protocolName: protocolName, turns: Self.turns)
        defer { server.stop() }
        let client = ProviderClient(
            wireProtocol: wire, endpoint: ProviderEndpoint(baseURL: URL(string: server.baseURL.absoluteString + path)!, apiKey: "k"),
            transport: SharedTestTransport.transport, retryPolicy: .none, readTimeout: 5
        )
        let model = ToolLoopModel(base: client, answerer: ToolTestValues.Sunny(), maxSteps: 4)
        let parts = await model.collect(ToolTestValues.request())
        return Outcome(parts: parts, requests: server.modelRequests.compactMap(\.jsonBody))
    }

    /// What every protocol's loop must produce as parts: both calls (numbered across steps), both
    /// results, the final text, one finish, usage summed over the three steps.
    private func checkParts(_ parts: [StreamPart], ids: [String?]? = nil, input: Int = 30) {
        var run = RunAccumulator()
        for part in parts { run.add(part) }
        #expect(run.error == nil)
        #expect(run.text == "Paris is sunny, and so is Oslo.")
        #expect(run.toolCalls.map(\.index) == [0, 1])
        #expect(run.toolCalls.map(\.name) == ["get_weather", "get_weather"])
        #expect(run.toolCalls.map(\.arguments) == [#"{"city":"Paris"}"#, #"{"city":"Oslo"}"#])
        if let ids { #expect(run.toolCalls.map(\.id) == ids) }
        #expect(run.toolResults.map(\.content) == ["sunny in Paris", "sunny in Oslo"])
        #expect(run.toolResults.map(\.step) == [1, 2])
        #expect(run.toolResults.map(\.index) == [0, 1])
        #expect(run.finish?.kind == .stop)
        #expect(parts.filter { if case .finish = $0 { true } else { false } }.count == 1, "the steps' tool_calls finishes are not passed on")
        #expect(run.usage?.input == input)
    }

    @Test func openAIChat() async throws {
        let out = try await loop(OpenAIChatProtocol(), protocolName: "openai-chat", path: "/v1")
        checkParts(out.parts, ids: ["call_1", "call_2"])
        try #require(out.requests.count == 3)
        let first = out.requests[0]
        #expect(ToolTestValues.same(first["tools"], #"[{"type":"function","function":{"name":"get_weather","description":"Weather for a city","parameters":\#(ToolTestValues.schemaJSON)}}]"#), "\(ToolTestValues.text(first["tools"]))")
        #expect(first["tool_choice"] as? String == "auto")
        let expected = #"""
            [{"role":"user","content":"Weather?"},
             {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
             {"role":"tool","tool_call_id":"call_1","content":"sunny in Paris"},
             {"role":"assistant","content":null,"tool_calls":[{"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Oslo\"}"}}]},
             {"role":"tool","tool_call_id":"call_2","content":"sunny in Oslo"}]
            """#
        #expect(ToolTestValues.same(out.requests[2]["messages"], expected), "\(ToolTestValues.text(out.requests[2]["messages"]))")
        #expect((out.requests[1]["messages"] as? [Any])?.count == 3)
    }

    @Test func openAIResponses() async throws {
        let out = try await loop(OpenAIResponsesProtocol(), protocolName: "openai-responses", path: "/v1")
        checkParts(out.parts, ids: ["call_1", "call_2"])
        try #require(out.requests.count == 3)
        let first = out.requests[0]
        #expect(ToolTestValues.same(first["tools"], #"[{"type":"function","name":"get_weather","description":"Weather for a city","parameters":\#(ToolTestValues.schemaJSON)}]"#), "\(ToolTestValues.text(first["tools"]))")
        #expect(first["tool_choice"] as? String == "auto")
        let expected = #"""
            [{"role":"user","content":"Weather?"},
             {"type":"function_call","call_id":"call_1","name":"get_weather","arguments":"{\"city\":\"Paris\"}"},
             {"type":"function_call_output","call_id":"call_1","output":"sunny in Paris"},
             {"type":"function_call","call_id":"call_2","name":"get_weather","arguments":"{\"city\":\"Oslo\"}"},
             {"type":"function_call_output","call_id":"call_2","output":"sunny in Oslo"}]
            """#
        #expect(ToolTestValues.same(out.requests[2]["input"], expected), "\(ToolTestValues.text(out.requests[2]["input"]))")
    }

    @Test func anthropic() async throws {
        let out = try await loop(AnthropicProtocol(), protocolName: "anthropic", path: "")
        checkParts(out.parts, ids: ["call_1", "call_2"])
        try #require(out.requests.count == 3)
        let first = out.requests[0]
        #expect(ToolTestValues.same(first["tools"], #"[{"name":"get_weather","description":"Weather for a city","input_schema":\#(ToolTestValues.schemaJSON)}]"#), "\(ToolTestValues.text(first["tools"]))")
        #expect(ToolTestValues.same(first["tool_choice"], #"{"type":"auto"}"#))
        let expected = #"""
            [{"role":"user","content":"Weather?"},
             {"role":"assistant","content":[{"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}}]},
             {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"sunny in Paris"}]},
             {"role":"assistant","content":[{"type":"tool_use","id":"call_2","name":"get_weather","input":{"city":"Oslo"}}]},
             {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_2","content":"sunny in Oslo"}]}]
            """#
        #expect(ToolTestValues.same(out.requests[2]["messages"], expected), "\(ToolTestValues.text(out.requests[2]["messages"]))")
    }

    @Test func gemini() async throws {
        let out = try await loop(GeminiProtocol(), protocolName: "gemini", path: "/v1beta")
        // Gemini sends no call ids: the loop names them by step and place.
        checkParts(out.parts, ids: [nil, nil])
        try #require(out.requests.count == 3)
        let first = out.requests[0]
        #expect(ToolTestValues.same(first["tools"], #"[{"functionDeclarations":[{"name":"get_weather","description":"Weather for a city","parameters":\#(ToolTestValues.schemaJSON)}]}]"#), "\(ToolTestValues.text(first["tools"]))")
        #expect(ToolTestValues.same(first["toolConfig"], #"{"functionCallingConfig":{"mode":"AUTO"}}"#))
        let expected = #"""
            [{"role":"user","parts":[{"text":"Weather?"}]},
             {"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}},"thoughtSignature":"sig_call_1"}]},
             {"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"result":"sunny in Paris"}}}]},
             {"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Oslo"}},"thoughtSignature":"sig_call_2"}]},
             {"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"result":"sunny in Oslo"}}}]}]
            """#
        #expect(ToolTestValues.same(out.requests[2]["contents"], expected), "\(ToolTestValues.text(out.requests[2]["contents"]))")
    }

    @Test func ollama() async throws {
        let out = try await loop(OllamaProtocol(), protocolName: "ollama", path: "")
        checkParts(out.parts)
        try #require(out.requests.count == 3)
        let first = out.requests[0]
        #expect(ToolTestValues.same(first["tools"], #"[{"type":"function","function":{"name":"get_weather","description":"Weather for a city","parameters":\#(ToolTestValues.schemaJSON)}}]"#), "\(ToolTestValues.text(first["tools"]))")
        #expect(first["tool_choice"] == nil, "Ollama has no tool_choice")
        let expected = #"""
            [{"role":"user","content":"Weather?"},
             {"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Paris"}}}]},
             {"role":"tool","tool_name":"get_weather","content":"sunny in Paris"},
             {"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Oslo"}}}]},
             {"role":"tool","tool_name":"get_weather","content":"sunny in Oslo"}]
            """#
        #expect(ToolTestValues.same(out.requests[2]["messages"], expected), "\(ToolTestValues.text(out.requests[2]["messages"]))")
    }
}
