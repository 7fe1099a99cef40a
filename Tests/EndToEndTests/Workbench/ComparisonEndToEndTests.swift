import Foundation
import RefractTestSupport
import Testing

/// Side by side in the real workbench against the local models.
@Suite(.serialized) struct ComparisonEndToEndTests {
    /// Columns whose run has ended (their title ends with how it finished).
    static func finishedColumns(_ lines: [String]) -> Int {
        let header = lines.count > 1 ? lines[1] : ""
        return header.components(separatedBy: " stop ╮").count - 1 + header.components(separatedBy: " length ╮").count - 1
    }

    @Test func instructionsThenModelsThenABlindVerdict() throws {
        let w = try WorkbenchInTmux(width: 140, height: 36)
        try w.writeShortPrompt(input: "The cat sat on the mat because it was warm.", instruction: "Summarise in five words:")
        try w.keys("M-n")
        try w.tmux.type("Translate to French:")
        try w.keys("M-n")
        try w.tmux.type("List the nouns:")
        try w.tmux.waitForText("Instruction · instruction 3 (3/3)")

        // 3 instructions × 1 model.
        try w.keys("C-g")
        try w.tmux.waitForText("3 instructions × 1 model = 3 cells")
        try w.keys("C-r")
        try w.tmux.waitFor("three finished columns", timeout: 120) { Self.finishedColumns($0) == 3 }
        #expect(w.screen.contains("instruction 1") && w.screen.contains("instruction 2") && w.screen.contains("instruction 3"))
        let sessionText = try String(contentsOf: try #require(w.sessionFiles.first), encoding: .utf8)
        #expect(sessionText.contains("\"type\":\"group_started\""))
        #expect(sessionText.components(separatedBy: "\"group\":1").count - 1 >= 4, "the group and its three runs")

        // 1 instruction × 2 models: the instruct model and the base model.
        try w.escape()
        try w.keys("C-g")
        try w.tmux.waitForText("3 instructions")
        try w.keys("v")
        try w.tmux.waitForText("1 instruction × 1 model")
        try w.keys("a")
        try w.tmux.waitForText("filter")
        try w.typeFilter("gemma")
        try w.keys("Enter")
        try w.tmux.waitForText("1 instruction × 2 models = 2 cells")
        #expect(w.screen.contains("local:gemma3-270m (raw)"))
        try w.keys("C-r")
        try w.tmux.waitFor("two finished columns", timeout: 120) { Self.finishedColumns($0) == 2 }
        #expect(w.screen.contains("local:smollm2-135m-instruct") && w.screen.contains("local:gemma3-270m"))

        // Blind: names hidden, a verdict with one key, then the summary.
        try w.keys("b")
        try w.tmux.waitForText("BLIND")
        #expect(!w.screen.contains("smollm2") && !w.screen.contains("gemma3"), "no model name shows while judging blind")
        try w.keys("a")
        try w.tmux.waitForText("verdict saved")
        try w.keys("M-v")
        try w.tmux.waitForText("By model")
        #expect(w.screen.range(of: #"100%  1/1 won  local:"#, options: .regularExpression) != nil, "\(w.screen)")
        #expect(w.screen.range(of: #"0%  0/1 won  local:"#, options: .regularExpression) != nil)
        try w.escape()
        try w.keys("C-q")
        let text = try String(contentsOf: try #require(w.sessionFiles.first), encoding: .utf8)
        #expect(text.contains("\"type\":\"verdict\""))
    }

    /// One cell's server fails mid-stream: that column shows the error and keeps its partial answer, the other
    /// column finishes, the failure is saved, and `R` re-runs only the failed cell.
    @Test func aCellFailingMidStreamDoesNotStopTheOthers() throws {
        let faults = try FaultServerProcess()
        // `fail=1`: only the first request fails, so the retry succeeds.
        let faultModel = "midstream-error-after-6,delay=30,fail=1"
        let w = try WorkbenchInTmux(width: 140, height: 36, config: """
            [providers.faults]
            protocol = "openai-chat"
            base_url = "http://127.0.0.1:\(faults.port)/v1"
            models = ["\(faultModel)"]
            """)
        try w.writeShortPrompt(input: "The cat sat on the mat.", instruction: "Summarise in five words:")
        try w.keys("C-g")
        try w.tmux.waitForText("1 instruction × 1 model = 1 cell")
        try w.keys("a")
        try w.tmux.waitForText("filter")
        try w.typeFilter("midstream")
        try w.keys("Enter")
        try w.tmux.waitForText("1 instruction × 2 models = 2 cells")
        try w.keys("C-r")
        try w.tmux.waitFor("one finished and one failed column", timeout: 120) { lines in
            Self.finishedColumns(lines) == 1 && (lines.count > 1 && lines[1].contains(" failed ╮"))
        }
        let partial = FaultText.answer(tokens: 6)
        let firstWords = String(partial.prefix(12))
        #expect(w.screen.contains(firstWords), "the failed cell keeps its partial answer:\n\(w.screen)")
        #expect(w.screen.contains("✖"), "the failed cell says what went wrong")

        // Saved: the failed run with its partial text, next to the finished one.
        let file = try #require(w.sessionFiles.first)
        let export = try SessionExport(try RefractCLI.run(["sessions", "export", file.path, "--format", "json"]).stdout)
        let outcomes = export.runs.map { $0["outcome"] as? String }
        #expect(outcomes.contains("failed") && outcomes.contains("finished"), "\(outcomes)")
        let failed = try #require(export.runs.first { $0["outcome"] as? String == "failed" })
        #expect((failed["answer"] as? String)?.hasPrefix(firstWords) == true)

        // Retry only the failed cell: both columns end finished.
        try w.keys("R")
        try w.tmux.waitFor("both columns finished after the retry", timeout: 120) { Self.finishedColumns($0) == 2 }
        try w.escape()
        try w.keys("C-q")
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.components(separatedBy: #""type":"run_started""#).count - 1 == 3, "two cells and one retry")
    }

    /// `refract compare`: 3 instructions × 1 model as JSON, recorded as one group.
    @Test func headlessCompareAsJSON() throws {
        try SharedLocalModels.shared.ensureRunning(binary: WorkbenchInTmux.binary)
        let folder = URL(fileURLWithPath: TestRunFolder.makeFolder(prefix: "refract-compare"))
        defer { TestRunFolder.discard(folder.path) }
        let result = try CommandRunner.run(WorkbenchInTmux.binary, [
            "compare", "--instruction", "Summarise in five words:", "--instruction", "Translate to French:", "--instruction", "List the nouns:",
            "--model", "local:smollm2-135m-instruct", "--input", "The cat sat on the mat.", "--max-tokens", "16", "--temperature", "0",
            "--format", "json", "--sessions", folder.path,
        ], environment: ProcessInfo.processInfo.environment.merging(["REFRACT_HOME": PackagePaths.root.path]) { _, n in n }, timeout: 180)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.map { $0["instruction"] as? String } == ["Summarise in five words:", "Translate to French:", "List the nouns:"])
        for row in results {
            #expect((row["text"] as? String)?.isEmpty == false)
            #expect(((row["usage"] as? [String: Any])?["output"] as? Int ?? 0) > 0)
            #expect(row["error"] is NSNull)
            #expect(row["ttft_ms"] is Int && row["total_ms"] is Int)
            #expect(row["cost_usd"] as? Double == 0)
        }
        let file = try #require(try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).first { $0.pathExtension == "jsonl" })
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.contains(#""type":"group_started","group":1"#) && saved.contains(#""kind":"instructions""#))
        #expect(saved.components(separatedBy: #""type":"run_started""#).count - 1 == 3)
    }
}
