import Foundation
import RefractTestSupport
import Testing

/// `refract eval` with a prompt that has a JSON schema: every cell's request carries it, and
/// `[[checks]] type = "schema"` grades each answer against it without the schema written twice —
/// from the file's `schema`, or from `--schema FILE`.
@Suite(.serialized) struct SchemaEvalCommandTests {
    /// Answers a valid ticket for the blender, an invalid priority for the kettle.
    static func model() throws -> HTTPServer {
        try HTTPServer { request, writer in
            let question = OpenAIChatReply.lastUserMessage(request)
            OpenAIChatReply.respond(writer, text: question.contains("blender") ? #"{"priority": "high"}"# : #"{"priority": "urgent"}"#)
        }
    }

    static let schema = #"{"type":"object","properties":{"priority":{"enum":["low","high"]}},"required":["priority"]}"#

    static func promptFile(schemaLine: String) -> String {
        """
        input = "{{email}}"
        models = ["srv:tickets"]
        \(schemaLine)

        [[instructions]]
        name = "ticket"
        text = "Extract the priority."

        [[checks]]
        type = "schema"

        [[cases]]
        name = "blender"
        email = "My blender broke."

        [[cases]]
        name = "kettle"
        email = "My kettle leaks."
        """
    }

    func evaluate(_ prompt: String, extra: [String] = []) throws -> (report: [[String: Any]], server: HTTPServer) {
        let server = try Self.model()
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", """
            [providers.srv]
            protocol = "openai-chat"
            base_url = "\(server.baseURL.absoluteString)/v1"
            models = ["tickets"]
            """)
        _ = try dir.write("ticket.schema.json", Self.schema)
        let file = try dir.write("tickets.refract.toml", prompt)
        let run = try RefractCLI.run(["eval", file, "--config", config, "--sessions", dir.file("s"), "--format", "json"] + extra, in: dir.path)
        #expect(run.status == 1, "the kettle fails: \(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
        return (try #require(report["cells"] as? [[String: Any]]), server)
    }

    func expectGraded(_ cells: [[String: Any]], _ server: HTTPServer) {
        let byCase = Dictionary(uniqueKeysWithValues: cells.map { ($0["case"] as? String ?? "?", ($0["checks"] as? [[String: Any]])?.first ?? [:]) })
        #expect(byCase["blender"]?["result"] as? String == "pass")
        #expect(byCase["kettle"]?["result"] as? String == "fail")
        #expect(byCase["kettle"]?["reason"] as? String == #"does not fit the schema: $.priority: "urgent" is not one of ["low","high"]"#)
        #expect(server.requests.count == 2)
        for request in server.requests {
            let body = String(decoding: request.body, as: UTF8.self)
            #expect(body.contains(#""response_format":{"json_schema":{"name":"answer","schema":\#(Self.schema),"strict":true},"type":"json_schema"}"#), "\(body)")
        }
    }

    @Test func theChecksUseThePromptFilesOwnSchema() throws {
        let (cells, server) = try evaluate(Self.promptFile(schemaLine: "schema = '''\(Self.schema)'''"))
        defer { server.stop() }
        expectGraded(cells, server)
    }

    @Test func theChecksUseTheSchemaGivenOnTheCommandLine() throws {
        let (cells, server) = try evaluate(Self.promptFile(schemaLine: ""), extra: ["--schema", "ticket.schema.json"])
        defer { server.stop() }
        expectGraded(cells, server)
    }
}
