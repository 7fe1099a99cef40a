import Foundation
import RefractTestSupport
import Testing

/// The workbench as a user drives it: the real binary in tmux against the real local models.
@Suite(.serialized) struct WorkbenchEndToEndTests {
    /// Issue 3: type, run, watch it stream with the meter, switch model, run again, cancel, resize,
    /// help, quit — and the terminal is normal afterwards.
    @Test func promptRunSwitchCancelResizeHelpQuit() throws {
        let w = try WorkbenchInTmux()
        try w.tmux.waitForText("Write a prompt, then run it")
        #expect(w.screen.contains(" INPUT "), "the cursor starts in the input field")
        try w.setMaxTokens(24)
        try w.tmux.type("Name three colors of the rainbow.")
        try w.keys("C-r")
        try w.tmux.waitForText("■ ", timeout: 90)
        let done = w.screen
        #expect(done.contains("Response · local:smollm2-135m-instruct"))
        #expect(done.range(of: #"in \d+  out \d+ "#, options: .regularExpression) != nil, "exact token counts once usage arrived:\n\(done)")
        #expect(done.contains("tok/s") && done.contains("ttft"))

        try w.pickModel("gemma")
        try w.tmux.waitForText("local:gemma3-270m · raw")
        try w.keys("C-r")
        try w.tmux.waitFor("the base model's run", timeout: 90) { $0.joined().contains("Response · local:gemma3-270m · raw") && $0.joined().contains("■ ") }

        // A long run, cancelled while it streams.
        try w.pickModel("smollm2")
        try w.keys("C-p")
        try w.tmux.waitForText("filter")
        try w.keys("Tab", "Down", "Backspace")  // max tokens back to the provider's default
        try w.escape()
        try w.keys("C-a")
        try w.tmux.type("Write a long story about a lighthouse keeper.")
        try w.keys("C-r")
        try w.tmux.waitForText("streaming", timeout: 60)
        try w.escape()
        try w.tmux.waitForText("■ cancelled", timeout: 10)
        #expect(!w.screen.contains("REFRACT-EXITED"), "Esc cancels, never quits")

        try w.tmux.resize(width: 90, height: 28)
        try w.tmux.waitFor("the resized screen", timeout: 10) { lines in lines.count == 28 && lines.joined().contains("lighthouse keeper") }
        try w.keys("F1")
        try w.tmux.waitForText("Keys")
        #expect(w.screen.contains("run the prompt"))
        try w.escape()
        try w.keys("C-q")
        try w.tmux.waitForText("REFRACT-EXITED 0", timeout: 15)
        #expect(w.tmux.screenWithoutTrailingBlanks().allSatisfy { !$0.contains("╭ System") }, "the alternate screen is gone")
        _ = try? w.tmux.waitFor("stty output", timeout: 5) { _ in w.sttyAfterExit != nil }
        let stty = w.sttyAfterExit ?? ""
        #expect(stty.contains(" icanon") && stty.contains(" echo "), "the terminal is back in cooked mode with echo:\n\(stty)")
    }

    /// Issue 4: run twice, quit, start again, find both runs, replay one, re-run it on the base model
    /// and see the diff.
    @Test func sessionsSurviveARestartReplayAndRerun() throws {
        var first: WorkbenchInTmux? = try WorkbenchInTmux()
        let w1 = try #require(first)
        let sessions = w1.sessions
        try w1.tmux.waitForText("Write a prompt")
        try w1.setMaxTokens(16)
        try w1.tmux.type("Say hello.")
        try w1.keys("C-r")
        try w1.tmux.waitForText("■ ", timeout: 90)
        try w1.keys("C-r")
        try w1.tmux.waitFor("the second run", timeout: 90) { $0.joined().contains("run 2/2") && $0.joined().contains("■ ") }
        try w1.keys("C-q")
        try w1.tmux.waitForText("REFRACT-EXITED 0", timeout: 15)
        // The same sessions folder, a new process.
        let keepFolder = TestRunFolder.makeFolder(prefix: "refract-e2e-keep")
        let keep = URL(fileURLWithPath: keepFolder).appendingPathComponent("sessions")
        try FileManager.default.copyItem(at: sessions, to: keep)
        first = nil
        defer { TestRunFolder.discard(keepFolder) }

        let w2 = try WorkbenchInTmux(["--sessions", keep.path])
        try w2.tmux.waitForText("Write a prompt")
        try w2.keys("C-o")
        try w2.tmux.waitFor("the session in the browser", timeout: 10) { $0.joined().contains("Say hello.") && $0.joined().contains("1 of 1 sessions") }
        #expect(w2.screen.range(of: #"Say hello\.\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+2 local:smollm2"#, options: .regularExpression) != nil, "\(w2.screen)")
        try w2.keys("Enter")
        try w2.tmux.waitForText("RUN MODEL")
        #expect(w2.screen.contains("  1 local:smollm2-135m-instruct") && w2.screen.contains("  2 local:smollm2-135m-instruct"))
        try w2.keys("p")
        try w2.tmux.waitFor("the replay", timeout: 20) { $0.joined().contains("replay of run 2") && $0.joined().contains("■ ") }

        try w2.pickModel("gemma")
        try w2.keys("C-o")
        try w2.tmux.waitForText("1 of 1 sessions")
        try w2.keys("Enter")
        try w2.tmux.waitForText("RUN MODEL")
        try w2.keys("r")
        try w2.tmux.waitForText("Re-run of run 2 · word diff", timeout: 10)
        // Finished: exact token counts (no "~") and a time to first token on both sides.
        try w2.tmux.waitFor("the re-run to finish", timeout: 90) { lines in
            guard let figures = lines.first(where: { $0.contains("output ") && $0.contains("ttft") }) else { return false }
            return !figures.contains("~") && !figures.contains("ttft ?")
        }
        #expect(w2.screen.contains("saved · local:smollm2-135m-instruct → now · local:gemma3-270m"))
        #expect(w2.screen.range(of: #"output [+−±]?\d+ tokens .* · ttft [+−±]?\d"#, options: .regularExpression) != nil, "\(w2.screen)")
        try w2.keys("C-q")
    }

    /// Issue 4: kill -9 mid-stream leaves the partial run in the session file.
    @Test func killDashNineKeepsThePartialRun() throws {
        let w = try WorkbenchInTmux()
        try w.tmux.waitForText("Write a prompt")
        try w.tmux.type("Write a long story about a lighthouse keeper.")
        try w.keys("C-r")
        try w.tmux.waitForText("streaming", timeout: 60)
        // Kill once some of the answer has been saved, which is what the test is about.
        try w.tmux.waitFor("text in the session file", timeout: 30) { _ in
            w.sessionFiles.contains { contents(of: $0.path).contains("\"type\":\"text\"") }
        }
        let shell = try #require(try w.tmux.panePID())
        let pid = try #require(refractPID(under: shell))
        kill(pid, SIGKILL)
        try w.tmux.waitFor("refract to die", timeout: 10) { _ in w.exitStatus != nil }
        #expect(w.exitStatus == 137)
        let file = try #require(w.sessionFiles.first)
        let show = try CommandRunner.run(WorkbenchInTmux.binary, ["sessions", "show", file.path])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("cut off") || show.stdout.contains("incomplete"), "\(show.stdout)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"type\":\"text\""), "the text received before the kill is in the file")
    }

    /// The refract process started by the shell in the pane.
    func refractPID(under shell: Int32) -> Int32? {
        guard let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return children.split(separator: " ").compactMap { Int32($0) }.first
    }
}
