import Foundation
import Providers
import Testing
@testable import Sessions

@Suite struct ExportTests {
    func sampleLog() throws -> SessionLog {
        var lines = try SampleEvents.smallSessionLines()
        let failed = RunStarted(run: 2, at: SampleEvents.at, prompt: .init(instruction: "Show ``` fences"), model: ModelRef(provider: "openai", model: "gpt"))
        lines.append(try SessionLineCodec.encodeLine(.runStarted(failed)))
        lines.append(try SessionLineCodec.encodeLine(.text(DeltaEvent(run: 2, ms: 5, text: "````partial"))))
        lines.append(try SessionLineCodec.encodeLine(.failed(RunFailed(run: 2, error: .init(kind: .rateLimited, message: "slow down"), ttftMs: 5, totalMs: 9))))
        return try SessionReader.read(bytes: lines.flatMap { $0 })
    }

    @Test func markdownHasEachRunsModelPromptAnswerAndFacts() throws {
        let md = try SessionExporter.export(try sampleLog(), as: .markdown)
        #expect(md.hasPrefix("# Refraction \"tests\" ✓\n"))
        #expect(md.contains("- 2 runs on `ollama:llama3:8b`, `openai:gpt`; total cost $0.5000 (1 unpriced)"))
        #expect(md.contains("## Run 1 · `ollama:llama3:8b` · concise"))
        #expect(md.contains("- Parameters: temperature 0.7, top_p 0.95, max_tokens 256, stop `\\n\\n`, seed 42"))
        #expect(md.contains("- Outcome: finished (stop, provider said `end_turn`), first token after 0.10 s, total 0.30 s"))
        #expect(md.contains("- Usage: 10 input, 3 output"))
        #expect(md.contains("### Answer\n\n```\nOne two three.\n```\n"))
        #expect(md.contains("### System\n\n```\nBe brief.\nReally.\n```\n"))
        // A fence longer than any backticks inside, so the answer cannot break out.
        #expect(md.contains("### Answer\n\n`````\n````partial\n`````\n"))
        #expect(md.contains("### Failure\n\n`rate_limited`: slow down"))
        #expect(md.contains("- Cost: unpriced"))
    }

    @Test func jsonIsOneObjectWithAssembledRuns() throws {
        let json = try SessionExporter.export(try sampleLog(), as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let session = try #require(object["session"] as? [String: Any])
        #expect(session["title"] as? String == SampleEvents.header.title)
        #expect(session["run_count"] as? Int == 2)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 2)
        #expect(runs[0]["answer"] as? String == "One two three.")
        #expect(runs[0]["outcome"] as? String == "finished")
        #expect(runs[0]["model"] as? String == "ollama:llama3:8b")
        #expect((runs[0]["prompt"] as? [String: Any])?["instruction"] as? String == "Summarise {{doc}} in 3 words")
        #expect(runs[1]["outcome"] as? String == "failed")
        #expect((runs[1]["error"] as? [String: Any])?["kind"] as? String == "rate_limited")
        #expect(runs[1]["cost"] is NSNull)
        #expect(json.contains("\n  \"runs\": ["))
    }

    @Test func everyFormatNameIsAccepted() {
        #expect(SessionExporter.Format(rawValue: "markdown") == .markdown)
        #expect(SessionExporter.Format(rawValue: "json") == .json)
        #expect(SessionExporter.Format(rawValue: "html") == nil)
    }

    @Test func usdFormattingKeepsTinyAmountsVisible() {
        #expect(ExportFormatting.usd(0.000123) == "$0.000123")
        #expect(ExportFormatting.usd(1.5) == "$1.5000")
        #expect(ExportFormatting.usd(0) == "$0")
    }
}
