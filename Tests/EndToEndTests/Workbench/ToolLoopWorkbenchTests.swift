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
}
