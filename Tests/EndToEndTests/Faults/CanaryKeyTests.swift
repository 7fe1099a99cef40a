import Foundation
import Platform
import RefractTestSupport
import Testing

/// Two canary keys — one in the environment, one in the config file — go through every command and
/// every way a server can throw a key back (error bodies, answers, mid-stream errors, model lists),
/// through a kill -9 and a crash; then every byte written and printed is searched for them.
@Suite struct CanaryKeyTests {
    /// Answers with whatever credential it was sent, in every place a provider can put text.
    static func echoServer() throws -> HTTPServer {
        try HTTPServer { request, response in
            let credential = request.header("authorization") ?? request.header("x-api-key") ?? request.header("x-goog-api-key") ?? "none"
            let model = (request.jsonBody?["model"] as? String) ?? ""
            func chunk(_ text: String) -> String {
                #"data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"\#(text)"},"finish_reason":null}]}"# + "\n\n"
            }
            if request.method == "GET" {
                response.respond(status: 401, headers: [("content-type", "application/json"), ("www-authenticate", credential)],
                                 body: #"{"error":{"message":"bad key \#(credential)","type":"invalid_request_error"}}"#)
            } else if request.path.hasSuffix("/messages") {
                response.respond(status: 401, headers: [("content-type", "application/json")],
                                 body: #"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key: \#(credential)"}}"#)
            } else if model == "echo-error" {
                response.respond(status: 400, headers: [("content-type", "application/json"), ("x-echo", credential)],
                                 body: #"{"error":{"message":"bad request from \#(credential)","type":"invalid_request_error"}}"#)
            } else if model == "echo-midstream" {
                response.writeHead(status: 200, headers: [("content-type", "text/event-stream")])
                _ = response.write(chunk("partial "))
                _ = response.write(#"data: {"error":{"message":"stream failed for \#(credential)","type":"server_error"}}"# + "\n\n")
                response.end()
            } else {
                response.writeHead(status: 200, headers: [("content-type", "text/event-stream")])
                _ = response.write(chunk("Your header was: \(credential)"))
                _ = response.write(#"data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"# + "\n\n")
                _ = response.write("data: [DONE]\n\n")
                response.end()
            }
        }
    }

    @Test func canaryKeysAppearInNothingRefractWritesOrPrints() throws {
        let faults = try FaultServer()
        defer { faults.stop() }
        let echo = try Self.echoServer()
        defer { echo.stop() }
        let envKey = FaultProtocol.canaryKey()
        let configKey = FaultProtocol.canaryKey() + "-config"
        let canaries = [envKey, configKey]
        let home = TemporaryFolder(prefix: "refract-canary")
        let config = try home.write("config.toml", FaultProtocol.config(port: faults.port, extra: """
            [providers.echo]
            protocol = "openai-chat"
            base_url = "http://127.0.0.1:\(echo.port)/v1"
            api_key = "\(configKey)"
            models = ["echo-midstream", "echo-text"]

            [providers.echoant]
            protocol = "anthropic"
            base_url = "http://127.0.0.1:\(echo.port)/v1"
            api_key = "\(configKey)"
            models = ["claude-canary"]
            """))
        chmod(config, 0o600)
        // The config holds a canary on purpose (it is the test's input): it goes when the test ends, so the
        // whole-run sweep in scripts/test finds only what Refract wrote.
        defer { try? FileManager.default.removeItem(atPath: config) }
        let sessions = home.file("sessions")
        // Everything Refract could write goes under `home`.
        let env = [FaultProtocol.keyVariable: envKey, "HOME": home.path, "XDG_CONFIG_HOME": home.file("config"), "XDG_DATA_HOME": home.file("data"),
                   "XDG_STATE_HOME": home.file("state"), "XDG_CACHE_HOME": home.file("cache"), "TMPDIR": home.file("tmp")]
        try FileManager.default.createDirectory(atPath: home.file("tmp"), withIntermediateDirectories: true)
        var printed: [(String, String)] = []
        func run(_ arguments: [String], _ label: String, keepStdout: Bool = true) throws -> CommandRunner.Result {
            let result = try RefractCLI.run(arguments, environment: env, in: home.path)
            printed.append(("\(label) stderr", result.stderr))
            if keepStdout { printed.append(("\(label) stdout", result.stdout)) }
            return result
        }

        // Runs that fail in every way, with the key also typed into the prompt as a variable.
        let failing = ["faults-anthropic:http-401", "faults-openai-chat:midstream-error-after-3", "faults-gemini:http-403", "faults-openai-responses:ok",
                       "faults-ollama:cut-after-2", "echo:echo-error", "echo:echo-midstream", "echoant:claude-canary"]
        let base = ["run", "--config", config, "--sessions", sessions, "--instruction", "Repeat {{secret}}", "--var", "secret=\(envKey)"]
        let batch = try run(base + failing.flatMap { ["--model", $0] }, "run")
        #expect(batch.status == 1)
        #expect(batch.stderr.contains("[redacted]") || batch.stderr.contains("the API key was rejected"))
        _ = try run(base + ["--json"] + failing.flatMap { ["--model", $0] }, "run --json")
        // An answer that carries the key: stdout is the user's own terminal and shows it; nothing saved does.
        let echoed = try run(["run", "--config", config, "--sessions", sessions, "--input", "x", "--model", "echo:echo-text"], "echo", keepStdout: false)
        #expect(echoed.stdout.contains(configKey), "the echo really happened")
        _ = try run(["compare", "--config", config, "--sessions", sessions, "--instruction", "a", "--instruction", "b", "--input", "x",
                     "--model", "faults-anthropic:ok", "--model", "echo:echo-error", "--format", "json"], "compare")
        _ = try run(["models", "--config", config], "models")
        _ = try run(["models", "--config", config, "--json"], "models --json")

        // kill -9 and a crash (SIGSEGV: the runtime's crash report) in the middle of a stream.
        for signal in [SIGKILL, SIGSEGV] {
            let child = try ChildProcess(
                executable: try RefractCLI.path(), arguments: base + ["--model", "faults-openai-chat:endless,delay=10"],
                environment: RefractCLI.environment(env), workingDirectory: home.path, stdin: .null, stdout: .pipe, stderr: .pipe
            )
            let out = OutputCollector(child.stdoutPipe), err = OutputCollector(child.stderrPipe)
            let before = Set(TemporaryFolder.sessionFiles(in: sessions))
            // The signal comes once the answer is streaming and its text has been saved.
            #expect(waitUntil {
                !out.current.isEmpty && TemporaryFolder.sessionFiles(in: sessions).contains { !before.contains($0) && contents(of: $0).contains("\"type\":\"text\"") }
            })
            child.signal(signal)
            if signal == SIGSEGV {
                // The runtime writes its crash report (and, for a signal sent from outside, lives on): wait for the report's end.
                _ = waitUntil(timeout: 30) { err.current.contains("Backtrace took") || child.exitCodeIfExited() != nil }
                child.signal(SIGKILL)
            }
            _ = child.wait()
            printed.append(("signal \(signal) stdout", out.finish()))
            let report = err.finish()
            if signal == SIGSEGV { #expect(report.contains("crashed"), "the crash report is part of what is searched") }
            printed.append(("signal \(signal) stderr", report))
        }

        // Every reader of the sessions.
        let files = TemporaryFolder.sessionFiles(in: sessions)
        #expect(files.count >= 6)
        _ = try run(["sessions", "list", "--sessions", sessions], "sessions list")
        _ = try run(["sessions", "search", "Repeat", "--sessions", sessions], "sessions search")
        for file in files {
            _ = try run(["sessions", "show", file], "show")
            _ = try run(["sessions", "export", file, "--format", "json"], "export json")
            _ = try run(["sessions", "export", file, "--format", "markdown"], "export markdown")
            _ = try run(["replay", file, "--speed", "0"], "replay")
            _ = try run(["replay", file, "--speed", "0", "--json"], "replay --json")
        }

        // The workbench: a key echoed in an error and in a mid-stream error never reaches the screen.
        let w = try WorkbenchInTmux(["--config", config, "--sessions", sessions], extraEnvironment: env.filter { $0.key == FaultProtocol.keyVariable },
                                    localModels: false)
        try w.tmux.waitForText("Write a prompt")
        try w.tmux.type("Repeat the key.")
        for model in ["echo:echo-midstream", "echoant:claude-canary"] {
            try w.pickModel(String(model.split(separator: ":")[1]))
            try w.tmux.waitForText(" \(model) ", timeout: 5)
            try w.keys("C-r")
            try w.tmux.waitForText("failed ╮", timeout: 15)
            printed.append(("workbench \(model)", w.screen))
        }
        try w.keys("C-q")
        try w.tmux.waitForText("REFRACT-EXITED 0", timeout: 15)

        // Not vacuous: the servers did receive the keys.
        #expect(echo.requests.contains { $0.headers.contains { $0.value.contains(configKey) } })
        #expect(faults.http.requests.contains { $0.headers.contains { $0.value.contains(envKey) } })

        for (label, text) in printed {
            for key in canaries { #expect(!text.contains(key), "a canary key was printed: \(label)") }
        }
        // The files this test made Refract write must all be there and hold something, or the search below proves nothing.
        let expected = TemporaryFolder.sessionFiles(in: sessions)
        #expect(expected.count > files.count, "the workbench saved its runs next to the others")
        let written = home.allFiles().filter { $0 != config }
        for file in expected {
            #expect(written.contains(file), "\(file) is not among the files searched")
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            #expect(size > 0, "\(file) is empty")
        }
        for file in written {
            let data = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            for key in canaries { #expect(data.range(of: Data(key.utf8)) == nil, "a canary key was written to \(file)") }
        }
    }

    @Test func aKeyInAConfigFileOthersCanReadIsWarnedAbout() throws {
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", """
            [providers.keyed]
            protocol = "openai-chat"
            base_url = "http://127.0.0.1:9/v1"
            api_key = "sk-canary-REFRACT-in-config"
            """)
        for (mode, warns) in [(0o644, true), (0o640, true), (0o600, false)] {
            chmod(config, mode_t(mode))
            let result = try RefractCLI.run(["models", "--config", config, "--no-probe"])
            let warning = RefractCLI.lines(result.stderr).filter { $0.contains("readable by other users") }
            #expect(warning.count == (warns ? 1 : 0), "mode \(String(mode, radix: 8)): \(result.stderr)")
            if warns { #expect(warning.first?.contains("chmod 600 \(config)") == true) }
            #expect(!result.stderr.contains("sk-canary-REFRACT-in-config") && !result.stdout.contains("sk-canary-REFRACT-in-config"))
        }
    }
}
