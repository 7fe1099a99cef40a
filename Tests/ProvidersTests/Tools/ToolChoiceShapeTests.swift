import Foundation
import Testing
@testable import Providers

/// `tool_choice` in each protocol's documented shape, and no tool keys at all without tools.
@Suite struct ToolChoiceShapeTests {
    private func body<T: Encodable>(_ value: T) throws -> [String: Any] {
        let data = try WireJSON.encodeBody(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Checks auto, none, required and named against the expected JSON texts, in that order.
    private func check<T: Encodable>(_ make: (ModelRequest) -> T, key: String, _ expected: [String]) throws {
        for (choice, json) in zip([ToolChoice.auto, .none, .required, .named("get_weather")], expected) {
            let value = try body(make(ToolTestValues.request(choice)))[key]
            #expect(ToolTestValues.same(value, json), "\(choice): \(String(describing: value))")
        }
    }

    @Test func openAIChat() throws {
        try check({ OpenAIChatRequestBody($0, useMaxCompletionTokens: true) }, key: "tool_choice",
                  [#""auto""#, #""none""#, #""required""#, #"{"type":"function","function":{"name":"get_weather"}}"#])
    }

    @Test func openAIResponses() throws {
        try check(OpenAIResponsesRequestBody.init, key: "tool_choice",
                  [#""auto""#, #""none""#, #""required""#, #"{"type":"function","name":"get_weather"}"#])
    }

    @Test func anthropic() throws {
        try check(AnthropicRequestBody.init, key: "tool_choice",
                  [#"{"type":"auto"}"#, #"{"type":"none"}"#, #"{"type":"any"}"#, #"{"type":"tool","name":"get_weather"}"#])
    }

    @Test func gemini() throws {
        try check(GeminiRequestBody.init, key: "toolConfig", [
            #"{"functionCallingConfig":{"mode":"AUTO"}}"#, #"{"functionCallingConfig":{"mode":"NONE"}}"#,
            #"{"functionCallingConfig":{"mode":"ANY"}}"#, #"{"functionCallingConfig":{"allowedFunctionNames":["get_weather"],"mode":"ANY"}}"#,
        ])
    }

    @Test func withoutToolsNoToolKeysAreSent() throws {
        var request = ToolTestValues.request(.required)
        request.tools = []
        for keys in [
            try body(OpenAIChatRequestBody(request, useMaxCompletionTokens: false)).keys.sorted(),
            try body(OpenAIResponsesRequestBody(request)).keys.sorted(),
            try body(AnthropicRequestBody(request)).keys.sorted(),
            try body(GeminiRequestBody(request)).keys.sorted(),
            try body(OllamaChatRequestBody(request)).keys.sorted(),
        ] {
            #expect(!keys.contains("tools") && !keys.contains("tool_choice") && !keys.contains("toolConfig"), "\(keys)")
        }
    }

    @Test func anthropicPutsTheResultsOfOneStepInOneUserTurn() throws {
        var request = ToolTestValues.request()
        var assistant = ChatMessage(role: .assistant, content: "Let me look.")
        assistant.toolCalls = [ToolCall(id: "a", name: "get_weather", arguments: #"{"city":"Paris"}"#), ToolCall(id: "b", name: "get_weather", arguments: "not json")]
        request.messages.append(assistant)
        for (id, text) in [("a", "sunny"), ("b", "error: not JSON")] {
            var result = ChatMessage(role: .tool, content: text)
            result.toolCallID = id
            result.toolName = "get_weather"
            request.messages.append(result)
        }
        let messages = try body(AnthropicRequestBody(request))["messages"]
        let expected = #"""
            [{"role":"user","content":"Weather?"},
             {"role":"assistant","content":[{"type":"text","text":"Let me look."},
                {"type":"tool_use","id":"a","name":"get_weather","input":{"city":"Paris"}},
                {"type":"tool_use","id":"b","name":"get_weather","input":{}}]},
             {"role":"user","content":[{"type":"tool_result","tool_use_id":"a","content":"sunny"},{"type":"tool_result","tool_use_id":"b","content":"error: not JSON"}]}]
            """#
        #expect(ToolTestValues.same(messages, expected), "\(ToolTestValues.text(messages))")
        let gemini = try body(GeminiRequestBody(request))["contents"] as? [Any]
        #expect(gemini?.count == 3, "both functionResponse parts in one user turn")
    }

}
