import Foundation
import Providers
import RefractTestSupport
import Sessions
import TerminalUI
import Testing
@testable import Workbench

/// The response pane with a response schema: the verdict under the answer, and `J` showing the answer
/// as indented, coloured JSON with model output kept inert.
@Suite struct SchemaResponseTests {
    static let schema = try! JSONParser.parse(#"{"type":"object","properties":{"issue":{"type":"string"},"priority":{"enum":["low","high"]}},"required":["issue","priority"]}"#)

    func finished(_ answer: String, schema: JSON? = Self.schema) -> WorkbenchHarness {
        var h = WorkbenchHarness(width: 160, height: 20)
        h.state.document.base.schema = schema
        h.type("Hi")
        h.key("C-r")
        let id = h.lastRunID!
        h.send(.part(runID: id, .textDelta(answer)))
        h.send(.part(runID: id, .finish(FinishReason(.stop))))
        h.advance(1)
        h.send(.runEnded(runID: id))
        return h
    }

    /// The response pane's inner rows (between its borders), trailing spaces removed.
    func responseRows(_ h: WorkbenchHarness, theme: ResolvedTheme = .plain) -> [String] {
        h.render(theme: theme).lines.compactMap { line -> String? in
            guard let start = line.range(of: "││") ?? line.range(of: "│╭") else { return nil }
            let rest = line[start.upperBound...]
            return String(rest.dropLast()).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    @Test func aRunWithASchemaRequestsItAndShowsValid() {
        let h = finished(#"{"issue": "blender broke", "priority": "high"}"#)
        #expect(h.lastRequest?.request.responseSchema?.schema == Self.schema)
        #expect(h.state.shownRun?.schemaVerdict == .valid)
        #expect(h.render().lines.contains { $0.contains("schema: valid ✓") })
    }

    @Test func aViolationShowsItsPath() {
        let h = finished(#"{"issue": "blender broke", "priority": "urgent"}"#)
        #expect(h.render().lines.contains { $0.contains(#"schema ✗ $.priority: "urgent" is not one of ["low","high"]"#) })
        let plain = finished("The blender broke.")
        #expect(plain.render().lines.contains { $0.contains("schema ✗ not JSON: unexpected 'T' at 1:1") })
        let none = finished(#"{"a":1}"#, schema: nil)
        #expect(none.lastRequest?.request.responseSchema == nil)
        #expect(!none.render().lines.contains { $0.contains("schema") })
    }

    @Test func jShowsTheAnswerAsIndentedColouredJSONWithControlCharactersInert() {
        var h = finished("{\"issue\": \"bad \\u001b[31m red\", \"priority\": \"high\", \"n\": [1, true, null]}")
        h.key("M-5")
        h.key("J")
        let lines = h.render().lines
        let block = [
            "{",
            #"  "issue": "bad \u001b[31m red","#,
            #"  "priority": "high","#,
            #"  "n": ["#,
            "    1,",
            "    true,",
            "    null",
            "  ]",
            "}",
        ]
        for expected in block { #expect(lines.contains { $0.contains("│" + expected + " ") }, "\(expected)") }
        #expect(!lines.joined().contains("\u{1B}"))
        // Keys, strings, numbers and literals each get their own role.
        #expect(JSONAnswer.lines(try! JSONParser.parse(#"{"k":"v","n":1,"b":false}"#))[1].map(\.role) == [.jsonPunctuation, .jsonKey, .jsonPunctuation, .jsonString, .jsonPunctuation])
        #expect(JSONAnswer.lines(try! JSONParser.parse(#"{"k":"v","n":1,"b":false}"#))[2].map(\.role) == [.jsonPunctuation, .jsonKey, .jsonPunctuation, .jsonNumber, .jsonPunctuation])
        #expect(JSONAnswer.lines(try! JSONParser.parse(#"{"k":"v","n":1,"b":false}"#))[3].map(\.role) == [.jsonPunctuation, .jsonKey, .jsonPunctuation, .jsonLiteral])
        h.key("J")
        #expect(h.render().lines.contains { $0.contains(#"{"issue": "bad"#) }, "back to the text")
    }

    @Test func aReopenedRunShowsTheVerdictItRecorded() {
        var prompt = Prompt(instruction: "i")
        prompt.schema = ResponseSchema(schema: Self.schema)
        var saved = RecordedRun(started: RunStarted(run: 1, at: Date(timeIntervalSince1970: 0), prompt: prompt, model: ModelRef(provider: "local", model: "m")))
        saved.text = #"{"priority": "low"}"#
        var finished = RunFinished(run: 1, finish: .stop, ttftMs: 10, totalMs: 20)
        finished.schema = SchemaVerdict(valid: false, violation: "$: no property issue (required)")
        saved.outcome = .finished(finished)
        let run = RunState(saved: saved, id: "r", now: 100, price: nil, protocolName: nil)
        #expect(run.schemaVerdict == finished.schema)
    }

    @Test func theKeyIsInTheHelp() {
        #expect(KeyTable.rows.contains { $0.command == .toggleJSON && $0.defaultKeys == ["J"] && $0.contexts == [.response] })
    }
}
