import Foundation
import Testing

/// `refract run` against the real local model (SmolLM2) records a session that the sessions commands
/// and `replay` read back. Each `refract run` starts its own llama.cpp server (or reuses one that
/// `refract local serve` advertises) and stops it at exit.
@Suite(.serialized) struct LocalModelSessionTests {
    @Test func aLocalRunIsRecordedAndReadBackByEverySessionsCommand() throws {
        let dir = TemporaryFolder()
        let sessions = dir.file("sessions")
        let run = try RefractCLI.run(
            ["run", "--model", "local:smollm2-135m-instruct", "--instruction", "Name three colours.", "--max-tokens", "12",
             "--temperature", "0", "--seed", "1", "--sessions", sessions],
            in: dir.path, timeout: 180
        )
        #expect(run.status == 0, "refract run failed: \(run.stderr)")
        #expect(!run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        let files = TemporaryFolder.sessionFiles(in: sessions)
        #expect(files.count == 1)
        let file = try #require(files.first)
        let name = (file as NSString).lastPathComponent
        // Relative to the current directory, as the user would type it.
        #expect(RefractCLI.lines(run.stderr).last == "refract: saved to sessions/\(name)")

        let exported = try RefractCLI.run(["sessions", "export", file, "--format", "json"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let export = try SessionExport(exported.stdout)
        #expect(export.runs.count == 1)
        let recorded = try export.run(0)
        let answer = try #require(recorded["answer"] as? String)
        // The printer ends the output with a newline when the answer does not.
        #expect(run.stdout == answer || run.stdout == answer + "\n")
        #expect(recorded["outcome"] as? String == "finished")
        #expect(recorded["model"] as? String == "local:smollm2-135m-instruct")
        let usage = try #require(recorded["usage"] as? [String: Any])
        #expect((usage["output"] as? Int ?? 0) > 0)
        #expect((usage["input"] as? Int ?? 0) > 0)
        let cost = try #require(recorded["cost"] as? [String: Any], "a local run is priced at $0, not unpriced")
        #expect(cost["usd"] as? Double == 0)
        #expect(((recorded["prompt"] as? [String: Any])?["instruction"] as? String) == "Name three colours.")
        #expect(((recorded["params"] as? [String: Any])?["seed"] as? Int) == 1)

        let list = try RefractCLI.run(["sessions", "list", "--sessions", sessions])
        #expect(list.status == 0)
        #expect(list.stdout.contains("Name three colours."))
        #expect(list.stdout.contains("local:smollm2-135m-instruct"))
        #expect(list.stdout.contains(name))

        let show = try RefractCLI.run(["sessions", "show", name, "--sessions", sessions])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("finished"))
        let firstLine = answer.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
        #expect(show.stdout.contains(String(firstLine.prefix(20))))

        let replay = try RefractCLI.run(["replay", file, "--speed", "0"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout == run.stdout)
        #expect(replay.stderr.contains("local:smollm2-135m-instruct · in "))
    }
}
