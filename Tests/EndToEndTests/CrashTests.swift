import Foundation
import RefractTestSupport
import Testing

/// `kill -9` in the middle of a stream: the session keeps every line written before, and reads back.
@Suite struct CrashTests {
    @Test func killNineMidStreamLeavesAReadablePartialRun() throws {
        let faults = try FaultServerProcess()
        let dir = TemporaryFolder()
        let config = try faults.writeConfig(in: dir)
        let sessions = dir.file("sessions")
        let child = try RefractCLI.start(["run", "--config", config, "--sessions", sessions, "--instruction", "Slowly, please", "--model", "faults:ok,tokens=400,delay=40"])
        let out = OutputCollector(child.stdoutPipe)
        let err = OutputCollector(child.stderrPipe)
        // Wait until some text is on disk, then kill without warning.
        let sawText = waitUntil {
            TemporaryFolder.sessionFiles(in: sessions).first.map { contents(of: $0).components(separatedBy: "\"type\":\"text\"").count > 2 } ?? false
        }
        #expect(sawText, "no text was saved while the run streamed")
        child.signal(SIGKILL)
        #expect(child.wait() == 128 + SIGKILL)
        _ = out.finish()
        _ = err.finish()

        let file = try #require(TemporaryFolder.sessionFiles(in: sessions).first)
        let show = try RefractCLI.run(["sessions", "show", file])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Slowly, please"))
        #expect(show.stdout.contains("incomplete"))
        #expect(show.stdout.contains("The quick"))

        let recorded = try SessionExport(try RefractCLI.run(["sessions", "export", file, "--format", "json"]).stdout).run(0)
        #expect(recorded["outcome"] as? String == "incomplete")
        let answer = try #require(recorded["answer"] as? String)
        #expect(answer.hasPrefix("The quick"))
        #expect(FaultText.answer(tokens: 400).hasPrefix(answer))

        // Replay plays the partial run and says where the recording stops.
        let replay = try RefractCLI.run(["replay", file, "--speed", "0"])
        #expect(replay.status == 0)
        #expect(replay.stdout.hasPrefix(answer))
        #expect(replay.stderr.contains("the recording stops here"))
    }
}
