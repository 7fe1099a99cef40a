import Foundation
import RefractTestSupport
import Testing

/// API keys set in the environment never reach a session file, even when a server echoes them back
/// in an error or in the answer itself.
@Suite struct SecretTests {
    @Test func canaryKeysNeverAppearInAnySavedByte() throws {
        let salt = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let anthropicKey = "sk-ant-canary-\(salt)"
        let openAIKey = "sk-canary-openai-\(String(salt.reversed()))"
        // A server that repeats whatever credentials it is sent: in an error body, or as the answer.
        let echo = try HTTPServer { request, response in
            let credential = request.header("authorization") ?? request.header("x-api-key") ?? "none"
            let model = (request.jsonBody?["model"] as? String) ?? ""
            if request.path.hasSuffix("/messages") {
                let body = #"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key: \#(credential)"}}"#
                response.respond(status: 401, headers: [("content-type", "application/json")], body: body)
            } else if model == "echo-error" {
                let body = #"{"error":{"message":"bad request from \#(credential)","type":"invalid_request_error"}}"#
                response.respond(status: 400, headers: [("content-type", "application/json")], body: body)
            } else {
                response.writeHead(status: 200, headers: [("content-type", "text/event-stream")])
                let text = "Your header was: \(credential)"
                _ = response.write(#"data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"\#(text)"},"finish_reason":null}]}"# + "\n\n")
                _ = response.write(#"data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"# + "\n\n")
                _ = response.write("data: [DONE]\n\n")
                response.end()
            }
        }
        defer { echo.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", """
            [providers.echo]
            protocol = "openai-chat"
            base_url = "http://127.0.0.1:\(echo.port)/v1"
            api_key_env = "OPENAI_API_KEY"

            [providers.echoant]
            protocol = "anthropic"
            base_url = "http://127.0.0.1:\(echo.port)/v1"
            api_key_env = "ANTHROPIC_API_KEY"
            """)
        let sessions = dir.file("sessions")
        let env = ["ANTHROPIC_API_KEY": anthropicKey, "OPENAI_API_KEY": openAIKey]
        let run = try RefractCLI.run(
            ["run", "--config", config, "--sessions", sessions, "--instruction", "Repeat {{secret}}", "--var", "secret=\(openAIKey)",
             "--model", "echo:echo-text", "--model", "echo:echo-error", "--model", "echoant:claude-canary"],
            environment: env
        )
        #expect(run.status == 1, "two of the three runs fail: \(run.stderr)")
        // The echo really happened: the answer on stdout carries the key (stdout is the user's own terminal).
        #expect(run.stdout.contains(openAIKey))

        let files = dir.allFiles().filter { $0.hasPrefix(sessions) }
        #expect(files.count == 1)
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            for secret in [anthropicKey, openAIKey, salt, String(salt.reversed())] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file) holds a secret")
            }
        }
        // Not vacuous: all three runs were saved, and the echoed key was replaced.
        let export = try SessionExport(try RefractCLI.run(["sessions", "export", try #require(files.first), "--format", "json"], environment: env).stdout)
        #expect(export.runs.count == 3)
        let echoed = try #require(export.runs.first { $0["model"] as? String == "echo:echo-text" })
        #expect((echoed["answer"] as? String)?.contains("[redacted]") == true)
        #expect(export.runs.filter { $0["outcome"] as? String == "failed" }.count == 2)
    }
}
