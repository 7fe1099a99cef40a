import Foundation
import RefractTestSupport
import Testing

/// `refract sessions list|show|export|search|rename|delete` and `refract replay` on good and bad files.
@Suite struct SessionsCommandTests {
    /// A folder with two recorded sessions (made by `refract run` against the fault server).
    private func recordTwo(_ dir: TemporaryFolder) throws -> (sessions: String, files: [String]) {
        let faults = try FaultServerProcess()
        let config = try faults.writeConfig(in: dir)
        let sessions = dir.file("sessions")
        let first = try RefractCLI.run(["run", "--config", config, "--sessions", sessions, "--instruction", "First question about foxes", "--model", "faults:ok,tokens=9"])
        #expect(first.status == 0, "\(first.stderr)")
        // Session files are named by the second they were created in: start the second run once that second is over.
        let firstSecond = Int(Date().timeIntervalSince1970)
        #expect(waitUntil(timeout: 5) { Int(Date().timeIntervalSince1970) > firstSecond })
        let second = try RefractCLI.run(["run", "--config", config, "--sessions", sessions, "--input", "Second: zebras and more", "--model", "faults:ok,tokens=3", "--model", "faults:http-500-no-retry"])
        #expect(second.status == 1)
        let files = TemporaryFolder.sessionFiles(in: sessions)
        try #require(files.count == 2)
        return (sessions, files)
    }

    @Test func listShowsEverySessionAndReportsUnreadableFiles() throws {
        let dir = TemporaryFolder()
        let (sessions, files) = try recordTwo(dir)
        try dir.write("sessions/notes.jsonl", "just some notes\n")
        let list = try RefractCLI.run(["sessions", "list", "--sessions", sessions])
        #expect(list.status == 0)
        let rows = RefractCLI.lines(list.stdout)
        #expect(rows.count == 3)
        #expect(rows.first?.hasPrefix("TITLE") == true)
        // Newest first.
        #expect(rows[1].contains("Second: zebras and more"))
        #expect(rows[1].contains("2 (1 failed)"))
        // Long cells are cut to their column with an ellipsis.
        #expect(rows[1].contains("faults:ok,tokens=3, faults:http-500-no-…"))
        #expect(rows[1].hasSuffix((files[1] as NSString).lastPathComponent))
        #expect(rows[2].contains("First question about foxes"))
        #expect(list.stderr.contains("refract: warning: skipped notes.jsonl: notes.jsonl is not a Refract session"))

        let json = try RefractCLI.run(["sessions", "list", "--json", "--sessions", sessions])
        let objects = RefractCLI.lines(json.stdout).compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.map { $0["title"] as? String } == ["Second: zebras and more", "First question about foxes"])
        #expect(objects.first?["runs"] as? Int == 2)
    }

    @Test func filesAreFoundByPathNameOrUniqueStart() throws {
        let dir = TemporaryFolder()
        let (sessions, files) = try recordTwo(dir)
        let name = (files[0] as NSString).lastPathComponent
        for reference in [files[0], name, String(name.dropLast(6)), String(name.prefix(name.count - 9))] {
            let show = try RefractCLI.run(["sessions", "show", reference, "--sessions", sessions])
            #expect(show.status == 0, "\(reference): \(show.stderr)")
            #expect(show.stdout.hasPrefix("First question about foxes\n"))
        }
        let ambiguous = try RefractCLI.run(["sessions", "show", "20", "--sessions", sessions])
        #expect(ambiguous.status == 1)
        #expect(RefractCLI.lines(ambiguous.stderr).count == 1)
        #expect(ambiguous.stderr.contains("matches 2 sessions"))
        let missing = try RefractCLI.run(["sessions", "show", "nothing-like-this", "--sessions", sessions])
        #expect(missing.status == 1)
        #expect(RefractCLI.lines(missing.stderr).count == 1)
        #expect(missing.stderr.contains("no session \"nothing-like-this\""))
    }

    @Test func exportMarkdown() throws {
        let dir = TemporaryFolder()
        let (_, files) = try recordTwo(dir)
        let md = try RefractCLI.run(["sessions", "export", files[1], "--format", "markdown"])
        #expect(md.status == 0)
        #expect(md.stdout.hasPrefix("# Second: zebras and more\n"))
        #expect(md.stdout.contains("## Run 1 · `faults:ok,tokens=3`"))
        #expect(md.stdout.contains("## Run 2 · `faults:http-500-no-retry`"))
        #expect(md.stdout.contains("`server_error`"))
        let bad = try RefractCLI.run(["sessions", "export", files[1], "--format", "yaml"])
        #expect(bad.status != 0)
    }

    @Test func searchRenameAndDelete() throws {
        let dir = TemporaryFolder()
        let (sessions, files) = try recordTwo(dir)
        let search = try RefractCLI.run(["sessions", "search", "ZEBRAS", "--sessions", sessions])
        #expect(search.status == 0)
        // One hit per run and field: both runs of the second session had that input.
        let hits = RefractCLI.lines(search.stdout)
        #expect(hits.count == 2)
        #expect(hits.allSatisfy { $0.hasPrefix((files[1] as NSString).lastPathComponent) && $0.contains("input") })
        #expect(hits.contains { $0.contains("run 1") } && hits.contains { $0.contains("run 2") })
        let answers = try RefractCLI.run(["sessions", "search", "lazy dog", "--sessions", sessions])
        #expect(answers.stdout.contains("answer"))
        let none = try RefractCLI.run(["sessions", "search", "unicorns", "--sessions", sessions])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)

        let rename = try RefractCLI.run(["sessions", "rename", files[0], "Foxes, renamed", "--sessions", sessions])
        #expect(rename.status == 0, "\(rename.stderr)")
        #expect(try RefractCLI.run(["sessions", "list", "--sessions", sessions]).stdout.contains("Foxes, renamed"))
        #expect(try RefractCLI.run(["sessions", "show", files[0]]).stdout.hasPrefix("Foxes, renamed\n"))

        let notes = try dir.write("sessions/notes.jsonl", "not a session\n")
        let refused = try RefractCLI.run(["sessions", "delete", notes])
        #expect(refused.status == 1)
        #expect(FileManager.default.fileExists(atPath: notes))
        let delete = try RefractCLI.run(["sessions", "delete", files[0]])
        #expect(delete.status == 0, "\(delete.stderr)")
        #expect(!FileManager.default.fileExists(atPath: files[0]))
        #expect(delete.stderr.contains("Foxes, renamed"))
    }

    @Test func badFilesGiveOneLineAndAFailingStatus() throws {
        let dir = TemporaryFolder()
        let header = #"{"type":"session","version":1,"id":"0123456789abcdef","title":"t","created":"2025-06-01T14:03:22.123Z","refract_version":"0.1.0"}"#
        let cases: [(name: String, text: String, says: String)] = [
            ("notes.jsonl", "hello, I am a text file\n", "notes.jsonl is not a Refract session (its first line is not a session header)"),
            ("empty.jsonl", "", "empty.jsonl is not a Refract session (it is empty)"),
            ("torn-header.jsonl", String(header.prefix(40)), "torn-header.jsonl is not a Refract session (it was cut off before its header was complete)"),
            ("future.jsonl", header.replacingOccurrences(of: "\"version\":1", with: "\"version\":7") + "\n", "future.jsonl was made by a newer Refract (format 7; this reads 1)"),
        ]
        for c in cases {
            let path = try dir.write(c.name, c.text)
            for command in [["sessions", "show", path], ["sessions", "export", path, "--format", "json"], ["replay", path, "--speed", "0"]] {
                let result = try RefractCLI.run(command)
                #expect(result.status == 1, "\(command): \(result.stderr)")
                let lines = RefractCLI.lines(result.stderr)
                #expect(lines.count == 1, "\(command): \(result.stderr)")
                #expect(lines.first?.hasPrefix("refract: " + c.says) == true, "\(command): \(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
        }
        let missing = try RefractCLI.run(["replay", dir.file("absent.jsonl")])
        #expect(missing.status == 1)
        #expect(RefractCLI.lines(missing.stderr).count == 1)
    }

    @Test func aTornLastLineIsReportedAndTheRestIsRead() throws {
        let dir = TemporaryFolder()
        let (_, files) = try recordTwo(dir)
        let file = files[0]
        let lineCount = contents(of: file).split(separator: "\n").count
        let handle = try #require(FileHandle(forWritingAtPath: file))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"type":"text","run":1,"ms":900,"text":"cut of"#.utf8))
        try handle.close()
        let name = (file as NSString).lastPathComponent
        let expected = "refract: warning: \(name): line \(lineCount + 1) is incomplete (the session was cut off); the \(lineCount) lines before it were loaded"
        let show = try RefractCLI.run(["sessions", "show", file])
        #expect(show.status == 0)
        #expect(RefractCLI.lines(show.stderr) == [expected])
        #expect(show.stdout.contains("finished stop"))
        let replay = try RefractCLI.run(["replay", file, "--speed", "0"])
        #expect(replay.status == 0)
        #expect(RefractCLI.lines(replay.stderr).first == expected)
        #expect(replay.stdout == FaultText.answer(tokens: 9) + "\n")
    }
}
