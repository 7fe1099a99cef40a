import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RefractTestSupport
import Synchronization
import Testing

/// `refract eval` through the real binary against an in-test server playing an OpenAI-compatible model:
/// the JSON report, the exit status, JUnit XML, the recorded session group, the cache, and the budget.
@Suite(.serialized) struct EvalCommandTests {
    /// Answers "Paris" when asked about France, "Rome" about Italy, and something unhelpful otherwise.
    static func model() throws -> HTTPServer {
        try HTTPServer { request, writer in
            let question = OpenAIChatReply.lastUserMessage(request)
            let answer = question.contains("France") ? "The capital is Paris." : question.contains("Italy") ? "Rome, of course." : "I do not know."
            OpenAIChatReply.respond(writer, text: answer)
        }
    }

    static let promptFile = #"""
        title = "Capitals"
        input = "What is the capital of {{country}}?"
        models = ["srv:capitals"]

        [[instructions]]
        name = "terse"
        text = "Answer in one sentence."

        [params]
        max_tokens = 20

        [[checks]]
        type = "contains"
        value = "{{expect.city}}"

        [[checks]]
        type = "length"
        max = 100

        [[cases]]
        name = "france"
        country = "France"
        expect = { city = "Paris" }

        [[cases]]
        name = "italy"
        country = "Italy"
        expect = { city = "Rome" }

        [[cases]]
        name = "peru"
        country = "Peru"
        expect = { city = "Lima" }
        """#

    func setUp(_ server: HTTPServer, prices: String = "") throws -> (TemporaryFolder, String, String) {
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", """
            [providers.srv]
            protocol = "openai-chat"
            base_url = "\(server.baseURL.absoluteString)/v1"
            models = ["capitals"]
            \(prices)
            """)
        let file = try dir.write("capitals.refract.toml", Self.promptFile)
        return (dir, config, file)
    }

    @Test func jsonReportExitStatusSessionAndCache() throws {
        let server = try Self.model()
        defer { server.stop() }
        let (dir, config, file) = try setUp(server)
        let sessions = dir.file("sessions")
        let args = ["eval", file, "--config", config, "--sessions", sessions, "--format", "json"]
        let first = try RefractCLI.run(args, in: dir.path)
        // Peru fails its contains check: not every check passed.
        #expect(first.status == 1, "\(first.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any], "\(first.stdout)")
        let cells = try #require(report["cells"] as? [[String: Any]])
        #expect(cells.map { $0["case"] as? String } == ["france", "italy", "peru"])
        #expect(cells.map { $0["pass"] as? Bool } == [true, true, false])
        #expect(cells.map { $0["cached"] as? Bool } == [false, false, false])
        #expect(cells[0]["text"] as? String == "The capital is Paris.")
        #expect(cells[0]["model"] as? String == "srv:capitals")
        #expect(cells[0]["instruction"] as? String == "terse")
        let peruChecks = try #require(cells[2]["checks"] as? [[String: Any]])
        #expect(peruChecks.map { $0["result"] as? String } == ["fail", "pass"])
        #expect(peruChecks[0]["reason"] as? String == "expected to contain 'Lima': not found")
        let columns = try #require(report["columns"] as? [[String: Any]])
        #expect(columns.count == 1)
        #expect(columns[0]["passed"] as? Int == 2)
        #expect(columns[0]["failed"] as? Int == 1)
        #expect(server.requests.count == 3)
        // Piped stderr: plain progress lines, one per cell.
        #expect(first.stderr.components(separatedBy: "refract: ").filter { $0.contains("/3 ") }.count == 3, "\(first.stderr)")

        // Recorded as one evaluation group: three runs, each followed by its two check results.
        let files = TemporaryFolder.sessionFiles(in: sessions)
        #expect(files.count == 1)
        let lines = contents(of: try #require(files.first)).split(separator: "\n").map(String.init)
        let types = lines.compactMap { line in (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["type"] as? String }
        #expect(types.filter { $0 == "group_started" }.count == 1)
        #expect(lines.contains { $0.contains(#""kind":"evaluation""#) && $0.contains(#""cases":["france","italy","peru"]"#) })
        #expect(types.filter { $0 == "run_started" }.count == 3)
        #expect(types.filter { $0 == "check_result" }.count == 6)
        // Each check result comes after its own run's end.
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        for (i, object) in objects.enumerated() where object["type"] as? String == "check_result" {
            let run = object["run"] as? Int
            #expect(objects[..<i].contains { $0["type"] as? String == "finished" && $0["run"] as? Int == run }, "check result before run \(String(describing: run)) ended")
        }
        // The sessions commands still read it, and the export carries each run's check results.
        let show = try RefractCLI.run(["sessions", "list", "--sessions", sessions])
        #expect(show.status == 0, "\(show.stderr)")
        let exported = try RefractCLI.run(["sessions", "export", try #require(files.first), "--format", "json"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let export = try SessionExport(exported.stdout)
        // Cells start concurrently, so runs are matched by their case's variable, not by their order.
        var byCountry: [String: [String?]] = [:]
        for run in export.runs {
            let country = ((run["prompt"] as? [String: Any])?["variables"] as? [String: Any])?["country"] as? String ?? "?"
            byCountry[country] = (run["checks"] as? [[String: Any]])?.map { $0["result"] as? String } ?? []
        }
        #expect(byCountry == ["France": ["pass", "pass"], "Italy": ["pass", "pass"], "Peru": ["fail", "pass"]])

        // The same evaluation again: every answer comes from the recorded one, only re-graded.
        let second = try RefractCLI.run(args, in: dir.path)
        #expect(second.status == 1)
        let again = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect((again["cells"] as? [[String: Any]])?.map { $0["cached"] as? Bool } == [true, true, true])
        #expect((again["cells"] as? [[String: Any]])?.map { $0["text"] as? String } == cells.map { $0["text"] as? String })
        #expect(server.requests.count == 3, "the cache sent nothing")

        // --no-cache runs everything; 5 of 6 checks pass, so --fail-under 0.8 passes.
        let fresh = try RefractCLI.run(args + ["--no-cache", "--fail-under", "0.8"], in: dir.path)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(server.requests.count == 6)
    }

    @Test func changingOneVariantRerunsOnlyItsColumn() throws {
        let server = try Self.model()
        defer { server.stop() }
        let (dir, config, file) = try setUp(server)
        let two = Self.promptFile.replacingOccurrences(of: "[params]", with: "[[instructions]]\nname = \"polite\"\ntext = \"Answer politely.\"\n\n[params]")
        try two.write(toFile: file, atomically: true, encoding: .utf8)
        let args = ["eval", file, "--config", config, "--sessions", dir.file("sessions"), "--format", "json"]
        _ = try RefractCLI.run(args, in: dir.path)
        #expect(server.requests.count == 6)
        try two.replacingOccurrences(of: "Answer politely.", with: "Answer very politely.").write(toFile: file, atomically: true, encoding: .utf8)
        let second = try RefractCLI.run(args, in: dir.path)
        #expect(server.requests.count == 9, "only the changed variant's three cells ran")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any], "\(second.stderr)")
        let cells = try #require(report["cells"] as? [[String: Any]])
        for cell in cells {
            #expect(cell["cached"] as? Bool == (cell["instruction"] as? String == "terse"), "\(cell)")
        }
    }

    @Test func aFailedRunFailsTheEvaluationAndItsChecksAreErrors() throws {
        // Peru's request is refused (400, not retried); the other cells still run and are graded.
        let server = try HTTPServer { request, writer in
            let question = OpenAIChatReply.lastUserMessage(request)
            if question.contains("Peru") {
                writer.respond(status: 400, headers: [("Content-Type", "application/json")], body: #"{"error":{"message":"bad request"}}"#)
            } else {
                OpenAIChatReply.respond(writer, text: question.contains("France") ? "Paris" : "Rome")
            }
        }
        defer { server.stop() }
        let (dir, config, file) = try setUp(server)
        let run = try RefractCLI.run(
            ["eval", file, "--config", config, "--no-save", "--format", "json", "--model", "srv:other", "--variant", "terse", "--fail-under", "0"], in: dir.path
        )
        #expect(run.status == 1, "a failed run fails the evaluation even with --fail-under 0")
        #expect(run.stderr.contains("1 run(s) failed"), "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let cells = try #require(report["cells"] as? [[String: Any]])
        #expect(cells.map { $0["pass"] as? Bool } == [true, true, false])
        #expect(cells.allSatisfy { $0["model"] as? String == "srv:other" })
        #expect((cells[2]["error"] as? String ?? "").contains("bad request"))
        #expect((cells[2]["checks"] as? [[String: Any]])?.map { $0["result"] as? String } == ["error", "error"])
        #expect(server.requests.allSatisfy { $0.jsonBody?["model"] as? String == "other" })
        let columns = try #require(report["columns"] as? [[String: Any]])
        #expect(columns[0]["errors"] as? Int == 1)
    }

    @Test func aBaselineShowsWhichCellsFlipped() throws {
        // First Paris and Rome are right; then the model forgets France and learns Peru.
        let learned = Mutex(false)
        let server = try HTTPServer { request, writer in
            let question = OpenAIChatReply.lastUserMessage(request)
            let later = learned.withLock { $0 }
            let answer = question.contains("France") ? (later ? "No idea." : "Paris") : question.contains("Italy") ? "Rome" : (later ? "Lima" : "No idea.")
            OpenAIChatReply.respond(writer, text: answer)
        }
        defer { server.stop() }
        let (dir, config, file) = try setUp(server)
        let sessions = dir.file("sessions")
        _ = try RefractCLI.run(["eval", file, "--config", config, "--sessions", sessions], in: dir.path)
        let first = try #require(TemporaryFolder.sessionFiles(in: sessions).first)
        learned.withLock { $0 = true }
        let run = try RefractCLI.run(
            ["eval", file, "--config", config, "--sessions", sessions, "--no-cache", "--format", "json", "--baseline", first], in: dir.path
        )
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let baseline = try #require(report["baseline"] as? [String: Any], "\(run.stdout)")
        let flipped = try #require(baseline["flipped"] as? [[String: Any]])
        #expect(flipped.map { "\($0["case"] ?? "") \($0["was"] ?? "")→\($0["now"] ?? "")" } == ["france pass→fail", "peru fail→pass"])
        let column = try #require((baseline["columns"] as? [[String: Any]])?.first)
        #expect(column["matched"] as? Int == 3)
        #expect(column["pass_rate"] as? Double == 2.0 / 3.0)
        #expect(column["baseline_pass_rate"] as? Double == 2.0 / 3.0)
        // A session that is not an evaluation is refused before anything is sent.
        let requests = server.requests.count
        let plain = try RefractCLI.run(["run", "--config", config, "--sessions", sessions, "--model", "srv:capitals", "--instruction", "Hi"], in: dir.path)
        #expect(plain.status == 0, "\(plain.stderr)")
        let runFile = try #require(TemporaryFolder.sessionFiles(in: sessions).first { !contents(of: $0).contains("evaluation") })
        let refused = try RefractCLI.run(["eval", file, "--config", config, "--no-save", "--baseline", runFile], in: dir.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("holds no evaluation"), "\(refused.stderr)")
        #expect(server.requests.count == requests + 1)
    }

    @Test func junitIsWellFormedXML() throws {
        let server = try Self.model()
        defer { server.stop() }
        let (dir, config, file) = try setUp(server)
        let run = try RefractCLI.run(["eval", file, "--config", config, "--no-save", "--format", "junit", "--case", "peru", "--case", "france"], in: dir.path)
        #expect(run.status == 1)
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(run.stdout.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))\n\(run.stdout)")
        #expect(collector.testcases == ["france", "peru"])
        #expect(collector.failures == 1)
        #expect(server.requests.count == 2)
    }

    @Test func maxCostRefusesBeforeSendingAnything() throws {
        let server = try Self.model()
        defer { server.stop() }
        let (dir, config, file) = try setUp(server, prices: "\n[prices.\"srv:capitals\"]\ninput = 1000\noutput = 1000\n")
        let run = try RefractCLI.run(["eval", file, "--config", config, "--no-save", "--max-cost", "0.01"], in: dir.path)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("is over --max-cost $0.0100"))
        #expect(server.requests.isEmpty)
    }

    @Test func badCasesNameTheirPlace() throws {
        let server = try Self.model()
        defer { server.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", "[providers.srv]\nprotocol = \"openai-chat\"\nbase_url = \"\(server.baseURL.absoluteString)/v1\"\n")
        _ = try dir.write("cases.csv", "name,country\nfrance,France\nperu\n")
        let file = try dir.write("c.refract.toml", "input = \"Capital of {{country}}?\"\nmodels = [\"srv:m\"]\ncases = \"cases.csv\"\n")
        let run = try RefractCLI.run(["eval", file, "--config", config, "--no-save"], in: dir.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("cases.csv:3: no value for column country"), "\(run.stderr)")
        let missing = try dir.write("m.refract.toml", "input = \"{{country}} {{city}}\"\nmodels = [\"srv:m\"]\n[[cases]]\nname = \"x\"\ncountry = \"Peru\"\n")
        let run2 = try RefractCLI.run(["eval", missing, "--config", config, "--no-save"], in: dir.path)
        #expect(run2.status == 2)
        #expect(run2.stderr.contains(#"case "x" has no value for {{city}}, which instruction "instruction 1" uses"#), "\(run2.stderr)")
        #expect(server.requests.isEmpty)
    }
}

/// Test cases and failures as a CI system reads them from JUnit XML.
final class XMLCollector: NSObject, XMLParserDelegate {
    var testcases: [String] = []
    var failures = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "testcase" { testcases.append(attributes["name"] ?? "") }
        if name == "failure" { failures += 1 }
    }
}
