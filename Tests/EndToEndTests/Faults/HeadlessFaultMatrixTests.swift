import Foundation
import Platform
import RefractTestSupport
import Testing

/// Every fault mode × every protocol through the real `refract run`: one clear line on stderr, the
/// right exit status, the partial answer printed and saved (the run marked failed), and a second
/// attempt by the user that works. A canary key is set for every run and must appear nowhere.
@Suite struct HeadlessFaultMatrixTests {
    @Test(arguments: HeadlessFault.all, FaultProtocol.all)
    func refractRunUnderFault(_ fault: HeadlessFault, _ wire: FaultProtocol) throws {
        let server = try FaultServer()
        defer { server.stop() }
        let dir = TemporaryFolder(prefix: "refract-fault")
        let config = try dir.write("config.toml", FaultProtocol.config(port: server.port))
        let sessions = dir.file("sessions")
        let key = FaultProtocol.canaryKey()
        let model = wire.model(fault.mode)
        let arguments = ["run", "--config", config, "--sessions", sessions, "--input", "Say the pangram.", "--model", model] + fault.arguments
        let environment = [FaultProtocol.keyVariable: key]

        let started = Date()
        let first = fault.interrupt
            ? try Self.runInterrupted(arguments, environment: environment, sessions: sessions)
            : RunOutput(try RefractCLI.run(arguments, environment: environment, timeout: fault.within + 30))
        let elapsed = Date().timeIntervalSince(started)
        #expect(first.status == fault.status, "\(first.stderr)")
        #expect(elapsed < fault.within, "took \(elapsed) s")
        // Model requests only: a 404 also lists the server's models to suggest close names.
        if let requests = fault.requests { #expect(server.http.requests.filter { $0.method == "POST" }.count == requests) }

        // stderr: retry notes, warnings, at most one error line, the figures, and where it was saved.
        let lines = RefractCLI.lines(first.stderr)
        let retryNotes = lines.filter { $0.hasPrefix("refract: \(model): retrying in ") }
        #expect(retryNotes.count == fault.retries, "\(first.stderr)")
        #expect(retryNotes.allSatisfy { $0.contains(fault.retrySays) }, "\(first.stderr)")
        let warnings = lines.filter { $0.hasPrefix("refract: \(model): ignored ") }
        #expect(warnings.count == fault.warnings, "\(first.stderr)")
        let errors = lines.filter { $0.hasPrefix("refract: \(model): ") }.filter { !retryNotes.contains($0) && !warnings.contains($0) }
        #expect(errors.count == (fault.status == 0 ? 0 : 1), "one clear message: \(first.stderr)")
        if let says = fault.says { #expect(errors.first?.contains(says) == true, "\(first.stderr)") }
        #expect(lines.contains { $0.hasPrefix("\(model) · in ") }, "the figures line: \(first.stderr)")
        #expect(lines.last?.hasPrefix("refract: saved to ") == true, "\(first.stderr)")

        // stdout: the (partial) answer, byte for byte.
        if let bytes = fault.answerBytes {
            #expect(first.stdout.utf8.count == bytes || first.stdout.utf8.count == bytes + 1)
        } else if !fault.interrupt, fault.mode != "hostile" {
            #expect(first.stdout == Self.printed(fault.answer))
        }

        // The session: one run, marked as it ended, with exactly the text that was printed.
        let files = TemporaryFolder.sessionFiles(in: sessions)
        #expect(files.count == 1)
        let file = try #require(files.first)
        let saved = try SessionExport(try RefractCLI.run(["sessions", "export", file, "--format", "json"], timeout: 120).stdout).run(0)
        #expect(saved["outcome"] as? String == fault.outcome)
        if !fault.errorKinds.isEmpty {
            let kind = (saved["error"] as? [String: Any])?["kind"] as? String ?? "none"
            #expect(fault.errorKinds.contains(kind), "saved error kind \(kind)")
        }
        let answer = saved["answer"] as? String ?? ""
        #expect(Self.printed(answer) == first.stdout, "the saved answer is what was printed")
        if fault.interrupt {
            #expect(answer.hasPrefix("The quick"), "the partial answer of the endless stream was kept")
        }

        // The canary key went to the server but nowhere else.
        #expect(!wire.usesKey || server.http.requests.contains { request in request.headers.contains { $0.value.contains(key) } || request.target.contains(key) },
                "the key was sent")
        for (what, text) in [("stdout", first.stdout), ("stderr", first.stderr)] {
            #expect(!text.contains(key), "the key leaked to \(what)")
        }
        for written in dir.allFiles() where written != config {
            let data = try Data(contentsOf: URL(fileURLWithPath: written))
            #expect(data.range(of: Data(key.utf8)) == nil, "the key leaked to \(written)")
        }

        // The user tries again: the same command now gets the whole answer, in a new session.
        if fault.userRetrySucceeds {
            let again = try RefractCLI.run(arguments, environment: environment)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout == Self.printed(HeadlessFault.answer12))
            #expect(TemporaryFolder.sessionFiles(in: sessions).count == 2)
        }
    }

    /// What `refract run` prints for an answer: the answer, ending with a newline unless it is empty.
    static func printed(_ answer: String) -> String {
        answer.isEmpty || answer.hasSuffix("\n") ? answer : answer + "\n"
    }

    /// Starts the run, waits until some text is saved, then sends Ctrl-C (SIGINT) as a user would.
    static func runInterrupted(_ arguments: [String], environment: [String: String], sessions: String) throws -> RunOutput {
        let child = try RefractCLI.start(arguments, environment: environment)
        let out = OutputCollector(child.stdoutPipe)
        let err = OutputCollector(child.stderrPipe)
        let sawText = waitUntil {
            TemporaryFolder.sessionFiles(in: sessions).first.map { contents(of: $0).components(separatedBy: "\"type\":\"text\"").count > 2 } ?? false
        }
        #expect(sawText, "no text was saved while the run streamed")
        child.signal(SIGINT)
        let status = child.wait()
        return RunOutput(status: status, stdout: out.finish(), stderr: err.finish())
    }
}

/// How a `refract` process ended and what it printed.
struct RunOutput {
    var status: Int32
    var stdout: String
    var stderr: String

    init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    init(_ result: CommandRunner.Result) {
        self.init(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}
