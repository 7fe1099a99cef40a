import Foundation
import Platform
import RefractTestSupport
import Testing

/// `refract run` records every run as it streams; the sessions commands and `replay` read it back.
/// Driven against `refract-fault-server`, whose answers are known to the byte.
@Suite struct RecordingTests {
    @Test func severalModelsFinishedAndFailedLandInOneSession() throws {
        let faults = try FaultServerProcess()
        let dir = TemporaryFolder()
        let config = try faults.writeConfig(in: dir)
        let sessions = dir.file("sessions")
        let run = try RefractCLI.run(
            ["run", "--config", config, "--sessions", sessions, "--instruction", "Tell me about foxes\nin detail",
             "--model", "faults:ok,tokens=12", "--model", "faults:http-400"]
        )
        #expect(run.status == 1, "one of the runs failed: \(run.stderr)")
        let file = try #require(TemporaryFolder.sessionFiles(in: sessions).first)
        let export = try SessionExport(try RefractCLI.run(["sessions", "export", file, "--format", "json"]).stdout)
        #expect(export.title == "Tell me about foxes")
        #expect(export.runs.count == 2)
        let ok = try #require(export.runs.first { $0["model"] as? String == "faults:ok,tokens=12" })
        #expect(ok["answer"] as? String == FaultText.answer(tokens: 12))
        #expect(ok["outcome"] as? String == "finished")
        #expect(ok["finish"] as? String == "stop")
        let failed = try #require(export.runs.first { $0["model"] as? String == "faults:http-400" })
        #expect(failed["outcome"] as? String == "failed")
        #expect((failed["error"] as? [String: Any])?["kind"] as? String == "bad_request")

        let show = try RefractCLI.run(["sessions", "show", file])
        #expect(show.status == 0)
        #expect(show.stdout.contains("finished stop"))
        #expect(show.stdout.contains("failed bad_request"))
        #expect(show.stdout.contains("The quick brown fox jumps over the lazy dog."))

        let replay = try RefractCLI.run(["replay", file, "--speed", "0"])
        #expect(replay.status == 0, "replaying recorded failures is a successful replay: \(replay.stderr)")
        #expect(replay.stdout.contains("── run 1 · faults:ok,tokens=12 ──\n" + FaultText.answer(tokens: 12)))
        #expect(replay.stdout.contains("── run 2 · faults:http-400 ──"))

        let json = try RefractCLI.run(["replay", file, "--speed", "0", "--run", "2", "--json"])
        #expect(json.status == 0)
        let lines = RefractCLI.lines(json.stdout)
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"run\":2,\"model\":\"faults:http-400\",") })
        #expect(lines.contains { $0.contains("\"bad_request\"") })

        let missing = try RefractCLI.run(["replay", file, "--run", "9"])
        #expect(missing.status == 1)
        #expect(RefractCLI.lines(missing.stderr) == ["refract: \((file as NSString).lastPathComponent) has no run 9 (its runs are 1, 2)"])
    }

    @Test func aRunThatBecomesLiveAfterBeingHeldPrintsInOrder() throws {
        let faults = try FaultServerProcess()
        let dir = TemporaryFolder()
        let config = try faults.writeConfig(in: dir)
        // The second run is still streaming when the first ends: its held parts must come out first.
        let run = try RefractCLI.run(
            ["run", "--config", config, "--no-save", "--input", "x", "--model", "faults:ok,tokens=10,delay=20", "--model", "faults:ok,tokens=40,delay=20"]
        )
        #expect(run.status == 0, "\(run.stderr)")
        let expected = "── faults:ok,tokens=10,delay=20 ──\n\(FaultText.answer(tokens: 10))\n\n── faults:ok,tokens=40,delay=20 ──\n\(FaultText.answer(tokens: 40))\n"
        #expect(run.stdout == expected)
    }

    @Test func severalInstructionsOnOneInputAreOneGroupInOneSession() throws {
        let faults = try FaultServerProcess()
        let dir = TemporaryFolder()
        let config = try faults.writeConfig(in: dir)
        let sessions = dir.file("sessions")
        let run = try RefractCLI.run(
            ["run", "--config", config, "--sessions", sessions, "--input", "The input they share", "--instruction", "First", "--instruction", "Second",
             "--model", "faults:ok,tokens=2", "--model", "faults:ok,tokens=3"]
        )
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("── faults:ok,tokens=3 · instruction 2 ──\nThe quick brown\n"))
        let file = try #require(TemporaryFolder.sessionFiles(in: sessions).first)
        let export = try SessionExport(try RefractCLI.run(["sessions", "export", file, "--format", "json"]).stdout)
        #expect(export.title == "The input they share")
        #expect(export.runs.count == 4)
        #expect(export.runs.allSatisfy { $0["group"] as? Int == 1 })
        let variants = export.runs.compactMap { run -> String? in
            guard let model = run["model"] as? String, let variant = run["variant"] as? String,
                  let instruction = (run["prompt"] as? [String: Any])?["instruction"] as? String else { return nil }
            return "\(variant)|\(instruction)|\(model)"
        }
        #expect(Set(variants) == [
            "instruction 1|First|faults:ok,tokens=2", "instruction 1|First|faults:ok,tokens=3",
            "instruction 2|Second|faults:ok,tokens=2", "instruction 2|Second|faults:ok,tokens=3",
        ])
        let groups = try #require(export.object["groups"] as? [[String: Any]])
        #expect(groups.count == 1)
        #expect(groups.first?["kind"] as? String == "grid")
        #expect(groups.first?["instructions"] as? [String] == ["First", "Second"])
    }

    @Test func replayPlaysPartsThroughTheSamePrinterAsRun() throws {
        let faults = try FaultServerProcess()
        let dir = TemporaryFolder()
        let config = try faults.writeConfig(in: dir)
        let sessions = dir.file("sessions")
        let live = try RefractCLI.run(["run", "--config", config, "--sessions", sessions, "--input", "x", "--model", "faults:ok,tokens=30,reasoning=3", "--json"])
        #expect(live.status == 0, "\(live.stderr)")
        let file = try #require(TemporaryFolder.sessionFiles(in: sessions).first)
        let replay = try RefractCLI.run(["replay", file, "--speed", "0", "--json"])
        #expect(replay.status == 0)
        // Same text and reasoning, in (coalesced) parts, then the same summary figures.
        func joined(_ output: String, _ type: String) -> String {
            RefractCLI.lines(output).compactMap { line -> String? in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], object["type"] as? String == type else { return nil }
                return object["text"] as? String
            }.joined()
        }
        #expect(joined(replay.stdout, "text") == FaultText.answer(tokens: 30))
        #expect(joined(replay.stdout, "text") == joined(live.stdout, "text"))
        #expect(joined(replay.stdout, "reasoning") == FaultText.reasoning(tokens: 3))
        #expect(RefractCLI.lines(replay.stdout).last?.contains("\"output\":") == true)
    }

    @Test func ctrlCSavesTheRunAsCancelledWithItsPartialText() throws {
        let faults = try FaultServerProcess()
        let dir = TemporaryFolder()
        let config = try faults.writeConfig(in: dir)
        let sessions = dir.file("sessions")
        let child = try RefractCLI.start(["run", "--config", config, "--sessions", sessions, "--input", "x", "--model", "faults:ok,tokens=400,delay=40"])
        let out = OutputCollector(child.stdoutPipe)
        let err = OutputCollector(child.stderrPipe)
        let sawText = waitUntil {
            TemporaryFolder.sessionFiles(in: sessions).first.map { contents(of: $0).components(separatedBy: "\"type\":\"text\"").count > 2 } ?? false
        }
        #expect(sawText, "no text was saved while the run streamed")
        child.signal(SIGINT)
        let status = child.wait()
        let stdout = out.finish(), stderr = err.finish()
        #expect(status == 1)
        #expect(stderr.contains("cancelled"))
        let file = try #require(TemporaryFolder.sessionFiles(in: sessions).first)
        #expect(stderr.contains("refract: saved to \(file)"))
        let recorded = try SessionExport(try RefractCLI.run(["sessions", "export", file, "--format", "json"]).stdout).run(0)
        #expect(recorded["outcome"] as? String == "failed")
        #expect((recorded["error"] as? [String: Any])?["kind"] as? String == "cancelled")
        let answer = try #require(recorded["answer"] as? String)
        // At least the two saved pieces (a token or more each), and only the answer's own words.
        #expect(answer.hasPrefix("The quick"))
        #expect(FaultText.answer(tokens: 400).hasPrefix(answer))
        // What was printed is what was saved (the printer adds the final newline).
        #expect(stdout == answer + "\n" || stdout == answer)
    }

    @Test func noSaveRecordsNothing() throws {
        let faults = try FaultServerProcess()
        let dir = TemporaryFolder()
        let config = try faults.writeConfig(in: dir)
        let run = try RefractCLI.run(["run", "--config", config, "--sessions", dir.file("sessions"), "--no-save", "--input", "x", "--model", "faults:ok"])
        #expect(run.status == 0)
        #expect(run.stdout == FaultText.answer(tokens: 12) + "\n")
        #expect(!FileManager.default.fileExists(atPath: dir.file("sessions")))
        #expect(!run.stderr.contains("saved to"))
    }

    @Test func theFolderFollowsFlagThenEnvironmentThenLocalThenConfig() throws {
        let faults = try FaultServerProcess()
        let dir = TemporaryFolder()
        let config = try faults.writeConfig(in: dir)
        // A top-level key must come before the first [table].
        let withDir = try dir.write("with-dir.toml", "sessions_dir = \"configured\"\n" + contents(of: config))
        let args = ["run", "--input", "x", "--model", "faults:ok"]
        func count(_ folder: String) -> Int { TemporaryFolder.sessionFiles(in: dir.file(folder)).count }

        // The config's sessions_dir (relative to the config file's folder) when nothing else names one.
        let configured = try RefractCLI.run(args + ["--config", withDir], in: dir.path)
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(count("configured") == 1)
        // ./sessions in the current directory wins over the config.
        try FileManager.default.createDirectory(atPath: dir.file("sessions"), withIntermediateDirectories: false)
        #expect(try RefractCLI.run(args + ["--config", withDir], in: dir.path).status == 0)
        #expect(count("sessions") == 1)
        // REFRACT_SESSIONS wins over ./sessions.
        #expect(try RefractCLI.run(args + ["--config", withDir], environment: ["REFRACT_SESSIONS": dir.file("env")], in: dir.path).status == 0)
        #expect(count("env") == 1)
        // --sessions wins over everything.
        #expect(try RefractCLI.run(args + ["--config", withDir, "--sessions", "flag"], environment: ["REFRACT_SESSIONS": dir.file("env")], in: dir.path).status == 0)
        #expect(count("flag") == 1)
        #expect(count("env") == 1 && count("sessions") == 1 && count("configured") == 1)
        // Files 0600, a created folder 0700.
        let file = try #require(TemporaryFolder.sessionFiles(in: dir.file("flag")).first)
        #expect(permissions(file) == 0o600)
        #expect(permissions(dir.file("flag")) == 0o700)
    }

    private func permissions(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
