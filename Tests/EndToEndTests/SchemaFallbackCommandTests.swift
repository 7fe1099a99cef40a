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
}
