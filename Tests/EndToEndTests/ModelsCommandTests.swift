import Foundation
import RefractTestSupport
import Testing

/// `refract models` against real servers started by the test.
@Suite struct ModelsCommandTests {
    /// A server answering every request with `status` and `body`, and a config naming it provider `name`.
    static func server(status: Int, body: String, provider name: String, protocol wire: String, path: String, models: [String], in folder: TemporaryFolder) throws -> (HTTPServer, String) {
        let server = try HTTPServer { _, writer in
            writer.respond(status: status, headers: [("Content-Type", "application/json")], body: body)
        }
        let config = try folder.write("config.toml", """
            [providers.\(name)]
            protocol = "\(wire)"
            base_url = "\(server.baseURL.absoluteString)\(path)"
            models = [\(models.map { "\"\($0)\"" }.joined(separator: ", "))]
            """)
        return (server, config)
    }

    /// A Gemini-protocol proxy that serves streams but answers 404 to the model list (as LiteLLM-style proxies do).
    @Test func aServerWithoutAModelListIsReachableAndItsModelsAreNotListed() throws {
        let folder = TemporaryFolder()
        let (server, config) = try Self.server(
            status: 404, body: #"{"error":{"code":404,"message":"Not Found","status":"NOT_FOUND"}}"#,
            provider: "proxy", protocol: "gemini", path: "/v1beta", models: ["gemini-2.5-flash"], in: folder
        )
        defer { server.stop() }
        let result = try RefractCLI.run(["models", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("proxy:gemini-2.5-flash") }, "\(result.stdout)")
        #expect(row.contains("yes"), "reachable: \(row)")
        #expect(row.contains("not listed by the server"), "\(row)")
        #expect(!result.stdout.contains("model ''"), "\(result.stdout)")
        #expect(!result.stdout.contains("refract models"), "advice pointing back at the command: \(result.stdout)")
        #expect(server.requests.contains { $0.path == "/v1beta/models" })

        let json = try RefractCLI.run(["models", "--config", config, "--json"])
        let line = try #require(json.stdout.split(separator: "\n").first { $0.contains("\"proxy:gemini-2.5-flash\"") }, "\(json.stdout)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["reachable"] as? String == "yes", "\(line)")
        #expect(object["listed"] as? String == "not listed by the server", "\(line)")
    }

    /// A probe asks once and briefly: a failing server is shown as it is, not retried with backoff.
    @Test func aProbeAsksOnceWithoutRetries() throws {
        let folder = TemporaryFolder()
        let (server, config) = try Self.server(
            status: 503, body: #"{"error":{"message":"busy","type":"server_error"}}"#, provider: "busy", protocol: "openai-chat", path: "/v1", models: ["m"], in: folder
        )
        defer { server.stop() }
        let result = try RefractCLI.run(["models", "--config", config])
        let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("busy:m") }, "\(result.stdout)")
        #expect(row.contains("no: ") && row.contains("HTTP 503"), "\(row)")
        #expect(server.requests.count == 1, "a probe is not retried: \(server.requests.count) requests")
    }
}
