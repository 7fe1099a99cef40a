import Foundation
import RefractTestSupport
import Testing

/// The tool loop through the real binary against a scripted in-test model: `refract run FILE --json`
/// prints `tool_call` and `tool_result` parts, the session replays the loop, and every failure the
/// loop can meet is one clear line while the model gets an error answer.
@Suite(.serialized) struct ToolLoopCommandTests {
    static func files(_ server: ScriptedToolServer, tools: String, params: String = "") throws -> (TemporaryFolder, String, String) {
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", """
            [providers.srv]
            protocol = "openai-chat"
            base_url = "\(server.baseURL.absoluteString)/v1"
            models = ["m"]
            """)
        let file = try dir.write("weather.refract.toml", """
            input = "What is the weather in Paris and Oslo?"
            models = ["srv:m"]

            [params]
            max_tokens = 50
            \(params)

            \(tools)
            """)
        return (dir, config, file)
    }

    static let weather = """
        [[tools]]
        name = "get_weather"
        description = "The weather in a city"
        parameters = { type = "object", properties = { city = { type = "string" } }, required = ["city"] }
        result = "sunny in {{args.city}}"
        """

    static func objects(_ stdout: String) -> [[String: Any]] {
        RefractCLI.lines(stdout).compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func jsonPrintsTheCallsAndResultsAndTheSessionReplaysTheLoop() throws {
        let server = try ScriptedToolServer(protocolName: "openai-chat", turns: [
            .call("call_1", "get_weather", #"{"city":"Paris"}"#),
            .call("call_2", "get_weather", #"{"city":"Oslo"}"#),
            .text("Sunny in both."),
        ])
        defer { server.stop() }
        let (dir, config, file) = try Self.files(server, tools: Self.weather)
        let sessions = dir.file("sessions")
        let run = try RefractCLI.run(["run", file, "--config", config, "--sessions", sessions, "--json"], in: dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        let objects = Self.objects(run.stdout)
        let results = objects.filter { $0["type"] as? String == "tool_result" }
        #expect(results.map { $0["content"] as? String } == ["sunny in Paris", "sunny in Oslo"])
        #expect(results.map { $0["step"] as? Int } == [1, 2])
        #expect(results.map { $0["id"] as? String } == ["call_1", "call_2"])
        let calls = objects.filter { $0["type"] as? String == "tool_call" }
        #expect(Set(calls.compactMap { $0["name"] as? String }) == ["get_weather"])
        #expect(calls.compactMap { $0["arguments"] as? String }.joined() == #"{"city":"Paris"}{"city":"Oslo"}"#)
        #expect(objects.filter { $0["type"] as? String == "text" }.compactMap { $0["text"] as? String }.joined() == "Sunny in both.")
        // The third request carried both steps.
        let third = try #require(server.modelRequests.last?.jsonBody?["messages"] as? [[String: Any]])
        #expect(third.map { $0["role"] as? String } == ["user", "assistant", "tool", "assistant", "tool"])
        #expect(third[4]["content"] as? String == "sunny in Oslo")

        // `refract prompt` shows the request with its tools.
        let prompt = try RefractCLI.run(["prompt", file, "--config", config, "--json", "--no-tokens"], in: dir.path)
        #expect(prompt.stdout.contains("The weather in a city"), "\(prompt.stdout) \(prompt.stderr)")

        let session = try #require(TemporaryFolder.sessionFiles(in: sessions).first)
        let saved = try String(contentsOfFile: session, encoding: .utf8)
        #expect(saved.components(separatedBy: "\"type\":\"tool_result\"").count == 3, "two tool_result events")
        let started = try #require(saved.split(separator: "\n").first { $0.contains("\"type\":\"run_started\"") })
        let header = try #require(try JSONSerialization.jsonObject(with: Data(started.utf8)) as? [String: Any])
        let recordedTools = try #require(header["tools"] as? [[String: Any]], "the tools are recorded with the run: \(started)")
        #expect(recordedTools.first?["name"] as? String == "get_weather")
        #expect(recordedTools.first?["parameters"] as? String == #"{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}"#)
        let replay = try RefractCLI.run(["replay", session, "--speed", "0", "--json"])
        #expect(replay.status == 0, "\(replay.stderr)")
        let replayed = Self.objects(replay.stdout).filter { $0["type"] as? String == "tool_result" }
        #expect(replayed.map { $0["content"] as? String } == ["sunny in Paris", "sunny in Oslo"])
        let plain = try RefractCLI.run(["replay", session, "--speed", "0"])
        #expect(plain.stderr.contains(#"tool 1 → get_weather {"city":"Paris"}"#), "\(plain.stderr)")
        #expect(plain.stderr.contains("tool 2 ← sunny in Oslo"))
        #expect(plain.stdout.contains("Sunny in both."))
    }

    @Test func everyFailureIsALineAndAnErrorAnswerToTheModel() throws {
        let server = try ScriptedToolServer(protocolName: "openai-chat", turns: [
            .calls([
                .init(id: "a", name: "get_wether", arguments: #"{"city":"Paris"}"#),
                .init(id: "b", name: "get_weather", arguments: #"{"town":"Paris"}"#),
            ]),
            .call("c", "fails", "{}"),
            .call("d", "hangs", "{}"),
            .call("e", "garbage", "{}"),
            .call("f", "get_weather", #"{"city":"Oslo"}"#),
        ])
        defer { server.stop() }
        let tools = Self.weather + """


            [[tools]]
            name = "fails"
            command = ["/bin/sh", "-c", "echo broken >&2; exit 1"]

            [[tools]]
            name = "hangs"
            command = ["/bin/sleep", "30"]
            timeout = 1

            [[tools]]
            name = "garbage"
            command = ["/usr/bin/printf", "\\\\377\\\\376"]
            """
        let (dir, config, file) = try Self.files(server, tools: tools, params: "max_tool_steps = 4")
        let run = try RefractCLI.run(["run", file, "--config", config, "--no-save"], in: dir.path)
        #expect(run.stderr.contains(#"tool 1 ✗ error: there is no tool named "get_wether"; the tools are: get_weather, fails, hangs, garbage"#), "\(run.stderr)")
        #expect(run.stderr.contains("tool 1 ✗ error: the arguments of get_weather do not match its parameters: $"))
        #expect(run.stderr.contains("refract: srv:m: tool fails: exit 1: broken"))
        #expect(run.stderr.contains("refract: srv:m: tool hangs: no answer within 1 s; it was stopped"))
        #expect(run.stderr.contains("refract: srv:m: tool garbage: its output is not UTF-8 text (2 bytes)"))
        #expect(run.stderr.contains("refract: srv:m: stopped after 4 tool steps (max_tool_steps): the model still called get_weather"))
        // Each error went back to the model as the call's answer.
        let requests = server.modelRequests.compactMap { $0.jsonBody?["messages"] as? [[String: Any]] }
        #expect(requests.count == 5)
        let answers = (requests.last ?? []).filter { $0["role"] as? String == "tool" }.compactMap { $0["content"] as? String }
        #expect(answers.count == 5)
        #expect(answers[2].hasPrefix("error: the tool failed: exit 1"))
        #expect(answers[3].hasPrefix("error: the tool failed: no answer within 1 s"))
    }
}
