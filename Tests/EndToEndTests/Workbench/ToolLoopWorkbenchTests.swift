import Foundation
import RefractTestSupport
import Testing

/// The tool loop in the real workbench (tmux): a prompt file with a fixed-result tool, run against a
/// scripted in-test model that calls it twice and then answers; the calls, their answers and the final
/// answer are on the screen.
@Suite(.serialized) struct ToolLoopWorkbenchTests {
    @Test func theCallsTheResultsAndTheAnswerAreShown() throws {
        let server = try ScriptedToolServer(protocolName: "openai-chat", turns: [
            .call("call_1", "get_weather", #"{"city":"Paris"}"#),
            .call("call_2", "get_weather", #"{"city":"Oslo"}"#),
            .text("Both are sunny today."),
        ])
        defer { server.stop() }
        let dir = TemporaryFolder()
        let file = try dir.write("weather.refract.toml", """
            input = "Weather in Paris and Oslo?"
            models = ["srv:m"]

            [[tools]]
            name = "get_weather"
            parameters = { type = "object", properties = { city = { type = "string" } }, required = ["city"] }
            result = "sunny in {{args.city}}"
            """)
        let config = """
            [providers.srv]
            protocol = "openai-chat"
            base_url = "\(server.baseURL.absoluteString)/v1"
            models = ["m"]
            """
        let w = try WorkbenchInTmux([file], config: config, localModels: false)
        try w.tmux.waitForText("Weather in Paris and Oslo?")
        try w.keys("C-r")
        try w.tmux.waitForText("Both are sunny today.", timeout: 20)
        let screen = w.screen
        #expect(screen.contains(#"▸ get_weather {"city":"Paris"}"#), "\(screen)")
        #expect(screen.contains("◂ sunny in Paris"), "\(screen)")
        #expect(screen.contains(#"▸ get_weather {"city":"Oslo"}"#), "\(screen)")
        #expect(screen.contains("◂ sunny in Oslo"), "\(screen)")
        #expect(server.modelRequests.count == 3)
    }

    @Test func anAskToolPromptsAndTheLoopGoesOnWithWhatWasTyped() throws {
        let server = try ScriptedToolServer(protocolName: "anthropic", turns: [
            .call("toolu_1", "ask_user", #"{"question":"Which day?"}"#),
            .text("Then Tuesday it is."),
        ])
        defer { server.stop() }
        let dir = TemporaryFolder()
        let file = try dir.write("ask.refract.toml", """
            input = "Plan my trip."
            models = ["srv:m"]

            [[tools]]
            name = "ask_user"
            parameters = { type = "object", properties = { question = { type = "string" } } }
            ask = true
            """)
        let config = """
            [providers.srv]
            protocol = "anthropic"
            base_url = "\(server.baseURL.absoluteString)"
            api_key_env = "REFRACT_TEST_KEY"
            models = ["m"]
            """
        let w = try WorkbenchInTmux([file], config: config, extraEnvironment: ["REFRACT_TEST_KEY": "k"], localModels: false)
        try w.tmux.waitForText("Plan my trip.")
        try w.keys("C-r")
        try w.tmux.waitForText("Tool ask_user asks", timeout: 20)
        try w.tmux.type("Tuesday")
        try w.keys("Enter")
        try w.tmux.waitForText("Then Tuesday it is.", timeout: 20)
        #expect(w.screen.contains("◂ Tuesday"), "\(w.screen)")
        let last = try #require(server.modelRequests.last?.jsonBody?["messages"] as? [[String: Any]])
        let blocks = try #require(last.last?["content"] as? [[String: Any]])
        #expect(blocks.first?["content"] as? String == "Tuesday")
    }
}
