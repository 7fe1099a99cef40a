import Foundation
import Platform
import RefractTestSupport
import Testing

/// `refract run` on a real terminal (tmux) and piped: a stalled server ends by `--read-timeout` with the
/// partial text printed and saved; hostile output is printed inert on a terminal; a slow drip is not a stall.
@Suite struct RunOnATerminalFaultTests {
    /// `refract ARGS` in tmux, then `REFRACT-EXITED <status>` once it ends.
    static func inTmux(_ arguments: [String], before: String = "", environment: [String: String] = [:]) throws -> TmuxSession {
        let quoted = ([try RefractCLI.path()] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let command = "sh -c \"\(before)\(quoted); echo REFRACT-EXITED \\$?; sleep 30\""
        let isolated = ["XDG_CONFIG_HOME": RefractCLI.isolatedHome + "/config", "XDG_DATA_HOME": RefractCLI.isolatedHome + "/data"]
        return try TmuxSession(command: command, width: 120, height: 40, environment: isolated.merging(key) { $1 }.merging(environment) { $1 })
    }

    /// A key for the providers that need one.
    static let key = [FaultProtocol.keyVariable: FaultProtocol.canaryKey()]

    @Test func aStalledServerEndsByTheReadTimeoutOnATerminalAndPiped() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", FaultProtocol.config(port: server.port))
        let args = ["run", "--config", config, "--input", "Say the pangram.", "--model", "faults-openai-chat:stall-after-3", "--read-timeout", "3"]

        // On a terminal.
        let started = Date()
        let tmux = try Self.inTmux(args + ["--sessions", dir.file("tty")])
        defer { tmux.kill() }
        try tmux.waitForText("REFRACT-EXITED", timeout: 20)
        let took = Date().timeIntervalSince(started)
        #expect(took < 8, "took \(took) s with --read-timeout 3")
        let screen = try tmux.capture().joined(separator: "\n")
        #expect(screen.contains("REFRACT-EXITED 1"))
        #expect(screen.contains("The quick brown"))
        #expect(screen.contains("no data from 127.0.0.1:\(server.port) for 3 s (read timeout)"))

        // Piped.
        let pipedStart = Date()
        let piped = try RefractCLI.run(args + ["--sessions", dir.file("piped")], environment: Self.key, timeout: 30)
        let pipedTook = Date().timeIntervalSince(pipedStart)
        #expect(piped.status == 1)
        #expect(pipedTook > 2.5 && pipedTook < 8, "took \(pipedTook) s with --read-timeout 3")
        #expect(piped.stdout == FaultText.answer(tokens: 3) + "\n")
        #expect(RefractCLI.lines(piped.stderr).filter { $0.contains("(read timeout)") }.count == 1)

        // Both saved the partial answer as a failed run.
        for folder in ["tty", "piped"] {
            let file = try #require(TemporaryFolder.sessionFiles(in: dir.file(folder)).first, "\(folder): not saved")
            let run = try SessionExport(try RefractCLI.run(["sessions", "export", file, "--format", "json"]).stdout).run(0)
            #expect(run["outcome"] as? String == "failed")
            #expect((run["error"] as? [String: Any])?["kind"] as? String == "timeout")
            #expect(run["answer"] as? String == FaultText.answer(tokens: 3))
        }
    }

    @Test func theReadTimeoutComesFromTheConfigWhenNoOptionIsGiven() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", "read_timeout = 1\n" + FaultProtocol.config(port: server.port))
        let run = try RefractCLI.run(["run", "--config", config, "--no-save", "--input", "x", "--model", "faults-ollama:stall-after-2"], environment: Self.key, timeout: 30)
        #expect(run.status == 1)
        #expect(run.stderr.contains("for 1 s (read timeout)"), "\(run.stderr)")
        #expect(run.stdout == FaultText.answer(tokens: 2) + "\n")
    }

    @Test func hostileOutputIsPrintedInertOnATerminal() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", FaultProtocol.config(port: server.port))
        let tmux = try Self.inTmux(
            ["run", "--config", config, "--sessions", dir.file("s"), "--input", "x", "--model", "faults-anthropic:hostile"],
            before: "echo drawn before the stream; sleep 0.3; "
        )
        defer { tmux.kill() }
        try tmux.setGlobalOption("set-clipboard", "on")
        let title = try tmux.paneTitle()
        try tmux.waitForText("REFRACT-EXITED", timeout: 20)
        usleep(200_000)
        let screen = try tmux.capture().joined(separator: "\n")
        #expect(screen.contains("REFRACT-EXITED 0"))
        #expect(screen.contains("drawn before the stream"), "the screen was cleared")
        #expect(try tmux.paneTitle() == title, "the terminal title changed")
        #expect(try tmux.bufferNames().isEmpty, "something was written to the clipboard")
        #expect(screen.contains("OSC 52 clipboard:␛]52;c;cm0gLXJmIH4K␇|"))
        #expect(screen.contains("Clear screen:␛[2J␛[H|"))
        #expect(screen.contains("⟦RLO⟧gnp.exe⟦PDF⟧"))
        // The session keeps the bytes as they came (it is data, not a terminal).
        let file = try #require(TemporaryFolder.sessionFiles(in: dir.file("s")).first)
        let answer = try SessionExport(try RefractCLI.run(["sessions", "export", file, "--format", "json"]).stdout).run(0)["answer"] as? String
        #expect(answer?.contains("\u{1B}]52;c;cm0gLXJmIH4K\u{07}") == true)
    }

    @Test func aWarningMidAnswerGetsALineOfItsOwnOnATerminal() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", FaultProtocol.config(port: server.port))
        let tmux = try Self.inTmux(["run", "--config", config, "--no-save", "--input", "x", "--model", "faults-openai-chat:malformed-json"])
        defer { tmux.kill() }
        try tmux.waitForText("REFRACT-EXITED 0", timeout: 20)
        let screen = try tmux.capture()
        #expect(screen.first == "The quick brown", "\(screen)")
        #expect(screen.dropFirst().first?.hasPrefix("refract: faults-openai-chat:malformed-json: ignored an event") == true, "\(screen)")
    }

    @Test func aDripOfOneBytePerSecondIsNotAStall() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", FaultProtocol.config(port: server.port))
        let sessions = dir.file("s")
        let child = try RefractCLI.start(["run", "--config", config, "--sessions", sessions, "--input", "x",
                                          "--model", "faults-openai-chat:drip", "--read-timeout", "2"], environment: Self.key)
        let out = OutputCollector(child.stdoutPipe)
        let err = OutputCollector(child.stderrPipe)
        // Five seconds of one byte per second: more than twice the read timeout, and still streaming.
        sleep(5)
        #expect(child.exitCodeIfExited() == nil, "a slow but steady stream was ended")
        child.signal(SIGINT)
        #expect(child.wait() == 1)
        _ = out.finish()
        let stderr = err.finish()
        #expect(stderr.contains("cancelled"), "\(stderr)")
        #expect(!stderr.contains("read timeout"), "\(stderr)")
        #expect(server.http.requests.count == 1)
    }
}
