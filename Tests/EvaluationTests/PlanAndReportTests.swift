import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Providers
import Testing
@testable import Evaluation

@Suite struct PlanAndReportTests {
    let local = ModelRef(provider: "local", model: "m")
    let other = ModelRef(provider: "srv", model: "x")

    func plan(cases: [EvalCase], repeats: Int = 1, caseNames: [String] = []) throws -> EvalPlan {
        let prompts = [
            ("terse", Prompt(instruction: "Answer briefly.", input: "{{q}}")),
            ("kind", Prompt(instruction: "Answer kindly.", input: "{{q}}")),
        ]
        let spec = EvaluationSpec(cases: cases, checks: [CheckSpec(kind: .contains("{{expect.a}}", ignoreCase: false))], repeats: repeats)
        return try EvalPlan.make(
            prompts: prompts, models: [local, other], parameters: GenerationParameters(maxTokens: 16), mode: { _ in .chat }, spec: spec, caseNames: caseNames
        )
    }

    @Test func cellsAreCasesTimesVariantsTimesModelsTimesRepeats() throws {
        let cases = [EvalCase(name: "c1", variables: ["q": "2+2?"], expect: ["a": "4"]), EvalCase(name: "c2", variables: ["q": "3+3?"], expect: ["a": "6"])]
        let p = try plan(cases: cases, repeats: 3)
        #expect(p.cells.count == 2 * 2 * 2 * 3)
        #expect(p.columns.map { "\($0.variant) \($0.model)" } == ["terse local:m", "terse srv:x", "kind local:m", "kind srv:x"])
        let first = p.cells[0]
        #expect(first.request.messages.last?.content == "Answer briefly.\n\n2+2?")
        #expect(first.request.parameters.maxTokens == 16)
        #expect(p.cells.map(\.repeatIndex).prefix(3) == [1, 2, 3])
        #expect(try plan(cases: cases, caseNames: ["c2"]).cells.allSatisfy { $0.evalCase.name == "c2" })
        #expect(throws: EvaluationError.self) { try plan(cases: cases, caseNames: ["c9"]) }
    }

    @Test func aCaseWithoutAValueTheInstructionUsesNamesBoth() {
        let cases = [EvalCase(name: "blank", variables: ["other": "x"], place: "cases.csv:3")]
        #expect(throws: EvaluationError(place: "cases.csv:3", message: #"case "blank" has no value for {{q}}, which instruction "terse" uses"#)) {
            try plan(cases: cases)
        }
    }

    func results() throws -> (EvalPlan, [CellResult]) {
        let p = try plan(cases: [EvalCase(name: "c<1>", variables: ["q": "2+2?"], expect: ["a": "4"])])
        var results: [CellResult] = []
        for (i, cell) in p.cells.enumerated() {
            var r = CellResult(cell: cell, text: i == 1 ? "five \u{1}& <b>" : "4", usage: Usage(input: 5, output: 1), costUSD: 0.001, ttftMs: 10, latencyMs: 20)
            if i == 2 { r.runError = "rate limited" }
            r.checks = i == 2 ? [] : [PureCheck.evaluate(cell.checks[0], cell.context(answer: r.text, costUSD: nil, ttftMs: nil, totalMs: nil, outputTokens: nil))!]
            if i == 3 {
                r.checks.append(CheckResult(name: "judge", type: "judge", status: .error, reason: "no verdict", judge: JudgeRecord(model: "a:b", prompt: "p", answer: "??", costUSD: 0.5)))
            }
            results.append(r)
        }
        return (p, results)
    }

    @Test func summaryCountsCellsPerColumn() throws {
        let (p, rs) = try results()
        let s = EvalSummary(results: rs, columns: p.columns)
        #expect(s.columns.map(\.passed) == [1, 0, 0, 0])
        #expect(s.columns.map(\.failed) == [0, 1, 0, 0])
        #expect(s.columns.map(\.errors) == [0, 0, 1, 1])
        #expect(s.runFailures == 1)
        #expect(s.judgeCostUSD == 0.5)
        // Checks: pass, fail, (run failed = 1), pass + error → 2 of 5.
        #expect(s.checkPassRate == 2.0 / 5.0)
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let (p, rs) = try results()
        let out = JSONReport.render(rs, summary: EvalSummary(results: rs, columns: p.columns))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let cells = try #require(object["cells"] as? [[String: Any]])
        #expect(cells.count == 4)
        let first = cells[0]
        for key in ["case", "instruction", "model", "repeat", "text", "pass", "cached", "checks", "usage", "cost_usd", "latency_ms"] {
            #expect(first[key] != nil, "no \(key)")
        }
        #expect(first["case"] as? String == "c<1>")
        #expect(first["instruction"] as? String == "terse")
        #expect(first["pass"] as? Bool == true)
        let check = try #require((first["checks"] as? [[String: Any]])?.first)
        #expect(Set(check.keys) == ["name", "type", "result", "reason"])
        #expect(check["result"] as? String == "pass")
        #expect((cells[1]["checks"] as? [[String: Any]])?.first?["reason"] as? String == "expected to contain '4': not found")
        #expect(((cells[3]["checks"] as? [[String: Any]])?.last?["judge"] as? [String: Any])?["answer"] as? String == "??")
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(Set(columns[0].keys) == ["instruction", "model", "passed", "failed", "errors", "total", "pass_rate", "cost_usd"])
        #expect(columns[0]["pass_rate"] as? Double == 1)
        #expect(abs((object["cost_usd"] as? Double ?? 0) - 0.004) < 1e-12)
    }

    /// JUnit read back with Foundation's XMLParser: well-formed, one testcase per cell, failures and errors where expected.
    @Test func junitIsValidXMLThatCIReads() throws {
        let (p, rs) = try results()
        let xml = JUnitReport.render(rs, summary: EvalSummary(results: rs, columns: p.columns))
        let reader = JUnitCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))\n\(xml)")
        #expect(reader.testcases == ["c<1>", "c<1>", "c<1>", "c<1>"])
        #expect(reader.elements.filter { $0 == "testsuite" }.count == 4)
        #expect(reader.elements.filter { $0 == "failure" }.count == 1)
        #expect(reader.elements.filter { $0 == "error" }.count == 2)
        #expect(reader.rootAttributes["tests"] == "4")
        #expect(reader.outputs.contains("five \u{FFFD}& <b>"))
    }

    @Test func tableShowsMarksReasonsAndColumns() throws {
        let (p, rs) = try results()
        let table = TextReport.table(rs, summary: EvalSummary(results: rs, columns: p.columns))
        #expect(table.contains("✓ pass"))
        #expect(table.contains("    ✗ contains '{{expect.a}}': expected to contain '4': not found"))
        #expect(table.contains("    ! run: rate limited"))
        #expect(table.contains("checks passed: 40.0%"))
        let markdown = TextReport.markdown(rs, summary: EvalSummary(results: rs, columns: p.columns))
        #expect(markdown.contains("| terse | local:m | 100% | 1 | 0 | 0 | $0.001000 |"))
    }
}

/// Collects what a CI system would read from a JUnit file.
final class JUnitCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var testcases: [String] = []
    var rootAttributes: [String: String] = [:]
    var outputs: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(name)
        if name == "testsuites" { rootAttributes = attributes }
        if name == "testcase" { testcases.append(attributes["name"] ?? "") }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "system-out" { outputs.append(text) }
    }
}

@Suite struct RepeatTests {
    @Test func columnsShowHowOftenSamplesAgree() throws {
        let spec = EvaluationSpec(cases: [EvalCase(name: "a", variables: ["q": "1"]), EvalCase(name: "b", variables: ["q": "2"])], repeats: 2)
        let plan = try EvalPlan.make(
            prompts: [("v", Prompt(input: "{{q}}"))], models: [ModelRef(provider: "p", model: "m")], parameters: GenerationParameters(), mode: { _ in .chat },
            spec: spec
        )
        #expect(plan.cells.count == 4)
        // Case a answers the same twice, case b differently.
        let texts = ["same", "same ", "one", "two"]
        let results = zip(plan.cells, texts).map { CellResult(cell: $0, text: $1) }
        let summary = EvalSummary(results: results, columns: plan.columns)
        #expect(summary.columns[0].agreement == 0.5)
        #expect(TextReport.table(results, summary: summary).contains("samples agree"))
        let single = EvalSummary(results: Array(results.prefix(1)), columns: plan.columns)
        #expect(single.columns[0].agreement == nil)
    }
}

@Suite struct VariantScopeTests {
    @Test func casesAndChecksMayBelongToSomeVariants() throws {
        let text = #"""
            input = "{{text}}"

            [[instructions]]
            name = "ticket"
            text = "Make a JSON ticket."

            [[instructions]]
            name = "translate"
            text = "Translate into English."

            [[checks]]
            type = "is-json"
            variants = ["ticket"]

            [[checks]]
            type = "length"
            max = 500

            [[cases]]
            name = "email"
            text = "My parcel is late."
            variants = ["ticket"]

            [[cases]]
            name = "review"
            text = "Très bon produit."
            variants = "translate"
            """#
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: URL(fileURLWithPath: "/tmp")).read(text)
        let prompts = [("ticket", Prompt(instruction: "Make a JSON ticket.", input: "{{text}}")), ("translate", Prompt(instruction: "Translate.", input: "{{text}}"))]
        let plan = try EvalPlan.make(
            prompts: prompts, models: [ModelRef(provider: "p", model: "m")], parameters: GenerationParameters(), mode: { _ in .chat }, spec: spec
        )
        #expect(plan.cells.map { "\($0.evalCase.name)/\($0.variant)" } == ["email/ticket", "review/translate"])
        #expect(plan.cells.map { $0.checks.map(\.type) } == [["is-json", "length"], ["length"]])
        // Only one variant chosen (--variant ticket): the translate case has no cell, and naming translate is no error.
        let one = try EvalPlan.make(
            prompts: Array(prompts.prefix(1)), models: [ModelRef(provider: "p", model: "m")], parameters: GenerationParameters(), mode: { _ in .chat },
            spec: spec, allVariants: ["ticket", "translate"]
        )
        #expect(one.cells.map(\.evalCase.name) == ["email"])
        var typo = spec
        typo.checks[0].variants = ["tikcet"]
        #expect(throws: EvaluationError.self) {
            try EvalPlan.make(prompts: prompts, models: [ModelRef(provider: "p", model: "m")], parameters: GenerationParameters(), mode: { _ in .chat }, spec: typo)
        }
    }
}

@Suite struct BaselineTests {
    @Test func cellsAreMatchedByVariantModelValuesAndSample() throws {
        let m = ModelRef(provider: "p", model: "m")
        let spec = EvaluationSpec(cases: [EvalCase(name: "a", variables: ["q": "1"]), EvalCase(name: "b", variables: ["q": "2"])], repeats: 2)
        let plan = try EvalPlan.make(prompts: [("v", Prompt(input: "{{q}}"))], models: [m], parameters: GenerationParameters(), mode: { _ in .chat }, spec: spec)
        // Now: a#1 pass, a#2 fail, b#1 pass, b#2 pass.
        let results = zip(plan.cells, [true, false, true, true]).map { cell, ok in
            CellResult(cell: cell, text: "", costUSD: 1, latencyMs: 100, checks: [CheckResult(name: "c", type: "contains", status: ok ? .pass : .fail, reason: "")])
        }
        // Then: a#1 fail, a#2 fail, b#1 pass; b#2 was never run.
        let earlier = [
            BaselineComparison.Cell(variant: "v", model: m, variables: ["q": "1"], repeatIndex: 1, passed: false, costUSD: 2, latencyMs: 300),
            BaselineComparison.Cell(variant: "v", model: m, variables: ["q": "1"], repeatIndex: 2, passed: false, costUSD: 2, latencyMs: 300),
            BaselineComparison.Cell(variant: "v", model: m, variables: ["q": "2"], repeatIndex: 1, passed: true, costUSD: 2, latencyMs: 300),
        ]
        let c = BaselineComparison(session: "s1", results: results, baseline: earlier, columns: plan.columns)
        #expect(c.flips == [.init(caseName: "a", variant: "v", model: m, repeatIndex: 1, was: false, now: true)])
        #expect(c.unmatched == 1)
        #expect(c.columns[0].matched == 3)
        #expect(c.columns[0].passRate == 2.0 / 3.0)
        #expect(c.columns[0].baselinePassRate == 1.0 / 3.0)
        #expect(c.columns[0].costUSD == 3 && c.columns[0].baselineCostUSD == 6)
        #expect(c.columns[0].meanLatencyMs == 100 && c.columns[0].baselineMeanLatencyMs == 300)
        #expect(c.text.contains("fail → pass  a · v · p:m"))
    }
}
