import Foundation
import RefractTestSupport
import Testing

/// Raw completion has no schema field: `refract run --raw` with a schema writes it into the prompt in
/// the documented wording, says so on stderr, and still checks the answer.
@Suite struct SchemaFallbackCommandTests {
    @Test func rawModePutsTheSchemaInThePromptWithAWarning() throws {
        let server = try HTTPServer { _, writer in
            let body = "data: {\"choices\":[{\"index\":0,\"text\":\"{\\\"priority\\\": \\\"high\\\"}\",\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"
            writer.respond(status: 200, headers: [("Content-Type", "text/event-stream")], body: body)
        }
        defer { server.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", """
            [providers.srv]
            protocol = "openai-chat"
            base_url = "\(server.baseURL.absoluteString)/v1"
            models = ["base"]
            """)
        let schema = #"{"type":"object","properties":{"priority":{"enum":["low","high"]}},"required":["priority"]}"#
        _ = try dir.write("s.json", schema)
        let run = try RefractCLI.run(["run", "--config", config, "--model", "srv:base", "--raw", "--input", "My blender broke.", "--schema", "s.json", "--no-save"], in: dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == #"{"priority": "high"}"# + "\n")
        #expect(run.stderr.contains("refract: srv:base: the schema is not enforced (raw completion has no schema field): it was added to the prompt instead, so the answer may not follow it"), "\(run.stderr)")
        #expect(run.stderr.contains("refract: srv:base: schema: valid"))
        let request = try #require(server.requests.first)
        #expect(request.path == "/v1/completions")
        let sent = try #require(request.jsonBody?["prompt"] as? String)
        #expect(sent == "Answer with JSON only, no other text, following this JSON Schema:\n\(schema)\n\nMy blender broke.")
        #expect(request.jsonBody?["response_format"] == nil)
    }

    @Test func aBadSchemaFileIsOneLineAndNothingIsSent() throws {
        let dir = TemporaryFolder()
        _ = try dir.write("bad.json", "{\"type\": \"object\",\n \"properties\": {\"a\": {\"type\": \"strnig\"}}}")
        let bad = try RefractCLI.run(["run", "--model", "srv:base", "--input", "x", "--schema", "bad.json", "--no-save"], in: dir.path)
        #expect(bad.status == 2)
        #expect(bad.stderr == "refract: \(dir.path)/bad.json: not a schema at $.properties.a.type: \"strnig\" is not a type (array, boolean, integer, null, number, object, string)\n", "\(bad.stderr)")
        let missing = try RefractCLI.run(["run", "--model", "srv:base", "--input", "x", "--schema", "nope.json", "--no-save"], in: dir.path)
        #expect(missing.status == 2)
        #expect(missing.stderr == "refract: \(dir.path)/nope.json: no such file\n", "\(missing.stderr)")
    }

    @Test func compareSendsTheSchemaAndReportsEachVerdict() throws {
        let server = try HTTPServer { request, writer in
            OpenAIChatReply.respond(writer, text: OpenAIChatReply.lastUserMessage(request).hasPrefix("Be JSON") ? #"{"priority": "low"}"# : "Low, I think.")
        }
        defer { server.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", """
            [providers.srv]
            protocol = "openai-chat"
            base_url = "\(server.baseURL.absoluteString)/v1"
            models = ["chat"]
            """)
        _ = try dir.write("s.json", #"{"type":"object","properties":{"priority":{"enum":["low","high"]}},"required":["priority"]}"#)
        let args = ["compare", "--config", config, "--model", "srv:chat", "--instruction", "Be JSON.", "--instruction", "Be brief.", "--input", "x", "--schema", "s.json", "--no-save"]
        let json = try RefractCLI.run(args + ["--format", "json"], in: dir.path)
        #expect(json.status == 0, "\(json.stderr)")
        let rows = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["results"] as? [[String: Any]])
        #expect(rows.map { ($0["schema"] as? [String: Any])?["valid"] as? Bool } == [true, false])
        #expect((rows[1]["schema"] as? [String: Any])?["violation"] as? String == "not JSON: unexpected 'L' at 1:1")
        #expect(server.requests.allSatisfy { String(decoding: $0.body, as: UTF8.self).contains(#""response_format":{"json_schema""#) })
        let markdown = try RefractCLI.run(args, in: dir.path)
        #expect(markdown.stdout.hasPrefix("| Instruction | Model | Answer | Out tokens | TTFT | Total | Cost | Schema |\n"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("| valid |\n"))
        #expect(markdown.stdout.contains("| not JSON: unexpected 'L' at 1:1 |\n"))
    }

    @Test func promptShowShowsTheSchemaAndTheRequestCarryingIt() throws {
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", """
            [providers.srv]
            protocol = "openai-chat"
            base_url = "http://127.0.0.1:9/v1"
            models = ["chat"]
            """)
        let file = try dir.write("p.refract.toml", """
            input = "x"
            schema = { type = "object", properties = { zeta = { type = "string" }, alpha = { type = "string" } } }
            """)
        let chat = try RefractCLI.run(["prompt", file, "--show", "--no-tokens", "--config", config, "--model", "srv:chat"], in: dir.path)
        #expect(chat.status == 0, "\(chat.stderr)")
        #expect(chat.stdout.contains("─── response schema \"answer\" (the answer must follow it; keys in this order) ───\n{\n  \"type\": \"object\",\n  \"properties\": {\n    \"zeta\": {"), "\(chat.stdout)")
        #expect(chat.stdout.contains(#""response_format":{"json_schema":{"name":"answer","schema":{"type":"object","properties":{"zeta":{"type":"string"},"alpha":{"type":"string"}}},"strict":true},"type":"json_schema"}"#))
        let raw = try RefractCLI.run(["prompt", file, "--show", "--no-tokens", "--config", config, "--model", "srv:chat", "--raw"], in: dir.path)
        #expect(raw.stdout.contains("⚠ srv:chat: the schema is not enforced (raw completion has no schema field)"), "\(raw.stdout)")
        #expect(raw.stdout.contains("Answer with JSON only, no other text, following this JSON Schema:\n{\"type\":\"object\",\"properties\":{\"zeta\""))
        #expect(!raw.stdout.contains("response_format"))
    }
}
