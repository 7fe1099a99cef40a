import Foundation
import Platform
import RefractTestSupport
import Testing

/// The real workbench in tmux against the fault server: a retry note then the answer, a failed run that
/// keeps its partial answer while the UI keeps taking keys, a stall ended by the read timeout, hostile
/// output that cannot reach the terminal, and huge answers that leave the UI quick.
@Suite(.serialized) struct WorkbenchFaultTests {
    /// The workbench with one fault model as its starting model, `read_timeout` seconds.
    static func workbench(_ server: FaultServer, model: String, readTimeout: Int = 60, width: Int = 120, height: Int = 36,
                          arguments: [String] = [], key: String = FaultProtocol.canaryKey()) throws -> WorkbenchInTmux {
        let config = "default_model = \"\(model)\"\nread_timeout = \(readTimeout)\n" + FaultProtocol.config(port: server.port)
        return try WorkbenchInTmux(arguments, width: width, height: height, config: config,
                                   extraEnvironment: [FaultProtocol.keyVariable: key], localModels: false)
    }

    /// The session's runs as `refract sessions export` reports them.
    static func savedRuns(_ w: WorkbenchInTmux) throws -> [[String: Any]] {
        let file = try #require(w.sessionFiles.first)
        let export = try CommandRunner.run(WorkbenchInTmux.binary, ["sessions", "export", file.path, "--format", "json"])
        return try SessionExport(export.stdout).runs
    }

    @Test func a429ShowsARetryNoteThenTheAnswer() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let w = try Self.workbench(server, model: "faults-openai-chat:http-429-retry-after-2,fail=1,id=a-long-name-to-crowd-the-line")
        try w.tmux.waitForText("Write a prompt")
        try w.tmux.type("Say the pangram.")
        try w.keys("C-r")
        try w.tmux.waitForText("retrying in 2.0 s after HTTP 429 (attempt 2 of 3)", timeout: 10)
        try w.tmux.waitForText("■ stop", timeout: 15)
        #expect(w.screen.contains("The quick brown fox jumps over the lazy dog."))
        #expect(!w.screen.contains("retrying in"), "the note goes once the answer streams")
        #expect(server.http.requests.filter { $0.method == "POST" }.count == 2)
    }

    @Test func aMidStreamErrorKeepsThePartialTheUITakesKeysAndARetryWorks() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let w = try Self.workbench(server, model: "faults-anthropic:midstream-error-after-4,fail=1")
        try w.tmux.waitForText("Write a prompt")
        try w.tmux.type("Say the pangram.")
        try w.keys("C-r")
        try w.tmux.waitForText("failed ╮", timeout: 15)
        #expect(w.screen.contains("The quick brown fox"))
        // A provider of the user's config: named as configured, with its host, not after the vendor.
        #expect(w.screen.contains("✖ faults-anthropic (127.0.0.1:\(server.port))") && w.screen.contains("reported an error mid-stream"), "\(w.screen)")
        #expect(w.screen.contains("above is kept)"))
        // Still responsive: typing edits the input, and Ctrl-R runs again.
        try w.tmux.type(" Again.")
        try w.tmux.waitForText("Say the pangram. Again.", timeout: 5)
        try w.keys("C-r")
        try w.tmux.waitForText("■ stop", timeout: 15)
        #expect(w.screen.contains("The quick brown fox jumps over the lazy dog."))
        try w.keys("C-q")
        try w.tmux.waitForText("REFRACT-EXITED 0", timeout: 15)
        let runs = try Self.savedRuns(w)
        #expect(runs.count == 2)
        #expect(runs.first?["outcome"] as? String == "failed")
        #expect(runs.first?["answer"] as? String == FaultText.answer(tokens: 4))
        #expect(runs.last?["outcome"] as? String == "finished")
        #expect(runs.last?["answer"] as? String == FaultText.answer(tokens: 12))
    }

    @Test func aStallEndsAfterTheReadTimeoutAndTheUIKeepsDrawing() throws {
        let server = try FaultServer()
        defer { server.stop() }
        // The option wins over the config's read_timeout (60 here).
        let w = try Self.workbench(server, model: "faults-gemini:stall-after-3", readTimeout: 60, arguments: ["--read-timeout", "3"])
        try w.tmux.waitForText("Write a prompt")
        try w.tmux.type("Say the pangram.")
        try w.keys("C-r")
        try w.tmux.waitForText("The quick brown", timeout: 10)
        let stalled = Date()
        // While the stream is silent, keys are still taken and drawn.
        try w.tmux.type(" Still here?")
        try w.tmux.waitForText("Say the pangram. Still here?", timeout: 2)
        try w.tmux.waitForText("(read timeout)", timeout: 15)
        let waited = Date().timeIntervalSince(stalled)
        #expect(waited > 1.5 && waited < 8, "ended \(waited) s after the last token; --read-timeout is 3 s")
        #expect(w.screen.contains("above is kept)"))
        try w.keys("C-q")
        try w.tmux.waitForText("REFRACT-EXITED 0", timeout: 15)
        let run = try #require(try Self.savedRuns(w).first)
        #expect(run["outcome"] as? String == "failed")
        #expect((run["error"] as? [String: Any])?["kind"] as? String == "timeout")
        #expect(run["answer"] as? String == FaultText.answer(tokens: 3))
    }

    @Test func aHostileStreamChangesNeitherTitleNorScreenNorClipboard() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let w = try Self.workbench(server, model: "faults-openai-responses:hostile")
        try w.tmux.setGlobalOption("set-clipboard", "on")
        try w.tmux.waitForText("Write a prompt")
        let title = try w.tmux.paneTitle()
        try w.tmux.type("Text drawn before the stream.")
        try w.keys("C-r")
        try w.tmux.waitForText("■ stop", timeout: 15)
        usleep(300_000)
        #expect(try w.tmux.paneTitle() == title, "the terminal title changed")
        #expect(try w.tmux.bufferNames().isEmpty, "something was written to the clipboard")
        let screen = w.screen
        #expect(screen.contains("Text drawn before the stream."), "the screen was cleared")
        #expect(screen.contains("╭ System"))
        // The sequences are drawn as visible text instead.
        #expect(screen.contains("OSC 52 clipboard:␛]52;c;cm0gLXJmIH4K␇|"))
        #expect(screen.contains("OSC 0 title:␛]0;pwned title␇|"))
        #expect(screen.contains("⟦RLO⟧gnp.exe⟦PDF⟧"))
        #expect(!screen.contains("pwned title") || screen.contains("␛]0;pwned title"))
    }

    /// The detectors of the test above are real: the same bytes printed raw do change the title and clipboard.
    @Test func theHostileDetectorsSeeRawSequences() throws {
        let tmux = try TmuxSession(command: "sh -c \"sleep 0.5; printf 'drawn before\\\\n\\\\033]0;pwned title\\\\007\\\\033]52;c;cm0gLXJmIH4K\\\\007\\\\033[2J'; sleep 10\"", width: 60, height: 10)
        try tmux.setGlobalOption("set-clipboard", "on")
        try tmux.waitFor("the title to change", timeout: 5) { _ in (try? tmux.paneTitle()) == "pwned title" }
        #expect(try tmux.bufferNames().count == 1)
        #expect(!(try tmux.capture()).joined().contains("drawn before"))
    }

    @Test func aLongLineAndTenThousandLinesLeaveTheUIQuick() throws {
        let server = try FaultServer()
        defer { server.stop() }
        for (mode, last) in [("hostile-long-line", "6789"), ("hostile-many-lines", "line 10000")] {
            let w = try Self.workbench(server, model: "faults-ollama:\(mode)")
            try w.tmux.waitForText("Write a prompt")
            try w.tmux.type("Go.")
            try w.keys("C-r")
            try w.tmux.waitForText("■ stop", timeout: 20)
            #expect(w.screen.contains(last), "\(mode): the end of the answer is shown")
            // A key typed now is drawn at once.
            let typed = Date()
            try w.tmux.type(" Quick?")
            try w.tmux.waitForText("Go. Quick?", timeout: 3)
            #expect(Date().timeIntervalSince(typed) < 1.5, "\(mode): a key took too long to show")
            // Scrolling the whole answer back to its start also answers at once.
            try w.keys("M-5")
            try w.keys("Home")
            try w.tmux.waitFor("the start of the answer", timeout: 3) { lines in
                lines.joined().contains(mode == "hostile-many-lines" ? "line 1 " : "0123456789")
            }
            try w.keys("C-q")
            try w.tmux.waitForText("REFRACT-EXITED 0", timeout: 15)
        }
    }

    @Test func aFiftyMegabyteAnswerStreamsWhileKeysStillEcho() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let w = try Self.workbench(server, model: "faults-openai-chat:large-50")
        try w.tmux.waitForText("Write a prompt")
        try w.tmux.type("Go.")
        try w.keys("C-r")
        try w.tmux.waitFor("text streaming", timeout: 15) { $0.joined().contains("line 1") }
        // Mid-stream, a key is drawn within moments.
        let typed = Date()
        try w.tmux.type(" Still quick?")
        try w.tmux.waitForText("Go. Still quick?", timeout: 5)
        #expect(Date().timeIntervalSince(typed) < 2.5, "a key took too long to show while 50 MB streamed")
        try w.tmux.waitForText("■ stop", timeout: 120)
        #expect(w.screen.contains("line 51199: "), "the end of the answer is shown")
        try w.keys("C-q")
        try w.tmux.waitForText("REFRACT-EXITED 0", timeout: 30)
        let run = try #require(try Self.savedRuns(w).first)
        #expect((run["answer"] as? String)?.utf8.count == 50 << 20)
    }

    @Test func aReadOnlySessionsFolderIsAVisibleWarningAndRunsStillWork() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let folder = TemporaryFolder()
        // Permission bits do not stop root; /proc refuses new files to everyone.
        let readOnly: String
        if geteuid() == 0 {
            readOnly = "/proc/refract-sessions"
        } else {
            readOnly = folder.file("read-only")
            try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
            chmod(readOnly, 0o500)
        }
        let w = try Self.workbench(server, model: "faults-openai-chat:ok", arguments: ["--sessions", readOnly])
        try w.tmux.waitForText("Write a prompt")
        try w.tmux.type("Say the pangram.")
        try w.keys("C-r")
        try w.tmux.waitForText("■ stop", timeout: 15)
        try w.tmux.waitForText("not saving:", timeout: 5)
        #expect(w.screen.contains("The quick brown fox jumps over the lazy dog."))
        // And it goes on working: a second run.
        try w.keys("C-r")
        try w.tmux.waitFor("the second run", timeout: 15) { $0.joined().contains("run 2/2") || $0.joined().contains("2/2") }
        try w.keys("C-q")
        try w.tmux.waitForText("REFRACT-EXITED 0", timeout: 15)
    }
}
