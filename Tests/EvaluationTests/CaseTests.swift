import Foundation
import Testing
@testable import Evaluation

/// Cases from every source, and the errors that name file, row and column.
@Suite struct CaseTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("refract-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func csvRecordsKeepQuotesNewlinesAndLines() throws {
        let records = try CSVReader.records("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\n3,\n")
        #expect(records == [
            .init(line: 1, fields: ["a", "b"]), .init(line: 2, fields: ["x, \"y\"", "two\nlines"]), .init(line: 5, fields: ["3", ""]),
        ])
        #expect(throws: CSVReader.Failure(line: 2, column: 1, message: "a quoted field is not closed")) { try CSVReader.records("a\n\"open") }
    }

    @Test func csvCases() throws {
        let cases = try CaseFileLoader.csv("name,email,expect.priority\nlate,\"Where is my order?\",high\n,hi,low\n", "cases.csv")
        #expect(cases.map(\.name) == ["late", "case 2"])
        #expect(cases[0].variables == ["email": "Where is my order?"])
        #expect(cases[0].expect == ["priority": "high"])
        #expect(cases[1].place == "cases.csv:3")
    }

    @Test func csvMissingColumnNamesRowAndColumn() {
        #expect(throws: EvaluationError(place: "cases.csv:4", message: "no value for column email")) {
            try CaseFileLoader.csv("name,email\na,x\nb,y\nc\n", "cases.csv")
        }
        #expect(throws: EvaluationError(place: "cases.csv:2", message: "3 values for 2 columns")) { try CaseFileLoader.csv("a,b\n1,2,3\n", "cases.csv") }
    }

    @Test func jsonlCases() throws {
        let text = #"""
            {"name":"one","question":"Is it waterproof?","expect":{"answer":"yes"}}

            {"vars":{"question":"Size?"},"n":3}
            """#
        let cases = try CaseFileLoader.jsonl(text, "cases.jsonl")
        #expect(cases.map(\.name) == ["one", "case 2"])
        #expect(cases[0].variables == ["question": "Is it waterproof?"])
        #expect(cases[0].expect == ["answer": "yes"])
        #expect(cases[1].variables == ["question": "Size?", "n": "3"])
        #expect(cases[1].place == "cases.jsonl:3")
        #expect(throws: EvaluationError(place: "cases.jsonl:2:7", message: "not JSON: unexpected '}'")) { try CaseFileLoader.jsonl("{}\n{\"a\": }\n", "cases.jsonl") }
    }

    @Test func folderCases() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "Bonjour".write(to: dir.appendingPathComponent("b-french.txt"), atomically: true, encoding: .utf8)
        try "Hola".write(to: dir.appendingPathComponent("a-spanish.txt"), atomically: true, encoding: .utf8)
        try "x".write(to: dir.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)
        let cases = try CaseFileLoader.load(dir, shownAs: "reviews")
        #expect(cases.map(\.name) == ["a-spanish", "b-french"])
        #expect(cases[1].variables == ["input": "Bonjour"])
    }

    @Test func inlineCasesAndChecksFromTheFile() throws {
        let text = #"""
            input = "{{email}}"
            repeat = 2

            [[checks]]
            type = "contains"
            value = "{{expect.word}}"
            name = "has the word"
            weight = 2

            [[checks]]
            type = "json-schema"
            schema = { type = "object", required = ["priority"] }

            [[cases]]
            name = "late order"
            email = "Where is my parcel?"
            expect = { word = "sorry" }

            [[cases]]
            vars = { email = "Refund please", n = 3 }
            [[cases.checks]]
            type = "not-contains"
            values = ["no"]
            """#
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: URL(fileURLWithPath: "/tmp")).read(text)
        #expect(spec.repeats == 2)
        #expect(spec.checks.map(\.name) == ["has the word", "json-schema"])
        #expect(spec.checks[0].weight == 2)
        #expect(spec.checks[0].place == "t.refract.toml:4:1")
        #expect(spec.cases.map(\.name) == ["late order", "case 2"])
        #expect(spec.cases[0].variables == ["email": "Where is my parcel?"])
        #expect(spec.cases[0].expect == ["word": "sorry"])
        #expect(spec.cases[1].variables == ["email": "Refund please", "n": "3"])
        #expect(spec.cases[1].checks.map(\.type) == ["not-contains"])
        guard case .jsonSchema(.success) = spec.checks[1].kind else {
            Issue.record("the inline schema was not read: \(spec.checks[1].kind)")
            return
        }
    }

    @Test func badChecksAreReportedWithTheirPlace() {
        let reader = EvaluationSpecReader(file: "t.refract.toml", folder: URL(fileURLWithPath: "/tmp"))
        #expect(throws: EvaluationError(place: "t.refract.toml:3:1", message: #"checks[1].type: unknown check type "contians" (did you mean contains?)"#)) {
            try reader.read("\n[[checks]]\ntype = \"contians\"\nvalue = \"x\"\n")
        }
        #expect(throws: EvaluationError(place: "t.refract.toml:2:1", message: "checks[1]: a length check needs min, max or both")) {
            try reader.read("\n[[checks]]\ntype = \"length\"\n")
        }
        // A schema that is not a schema does not stop reading: it is the check's error, with the place.
        let spec = try? reader.read("[[checks]]\ntype = \"json-schema\"\nschema = { type = \"strng\" }\n")
        guard case .jsonSchema(.failure(let error))? = spec?.checks.first?.kind else {
            Issue.record("expected a schema error, got \(String(describing: spec))")
            return
        }
        #expect(error.description == #"t.refract.toml:3:1: not a schema at $.type: "strng" is not a type (array, boolean, integer, null, number, object, string)"#)
    }

    @Test func aMisspeltEvaluationKeyIsAWarning() throws {
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: URL(fileURLWithPath: "/tmp")).read("\n[[chekcs]]\ntype = \"is-json\"\n")
        #expect(spec.checks.isEmpty)
        #expect(spec.warnings == ["t.refract.toml:2:1: unknown key chekcs (did you mean checks?); it is not used by the evaluation"])
    }

    @Test func casesFileIsRelativeToThePromptFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "q\nHi\n".write(to: dir.appendingPathComponent("cases.csv"), atomically: true, encoding: .utf8)
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: dir).read(#"cases = "cases.csv""#)
        #expect(spec.cases.map(\.variables) == [["q": "Hi"]])
        #expect(throws: EvaluationError(place: "nope.csv", message: "no such file or folder")) {
            try EvaluationSpecReader(file: "t.refract.toml", folder: dir).read(#"cases = "nope.csv""#)
        }
    }
}
