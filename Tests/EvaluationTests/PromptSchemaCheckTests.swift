import Foundation
import Providers
import Testing
@testable import Evaluation

/// `type = "schema"`: a check against the prompt's own schema, nothing repeated in the test set.
@Suite struct PromptSchemaCheckTests {
    static let schema = try! JSONParser.parse(#"{"type":"object","properties":{"priority":{"enum":["low","high"]}},"required":["priority"]}"#)

    func run(_ answer: String, schema: JSON? = Self.schema) -> CheckResult {
        var context = CheckContext(answer: answer)
        context.schema = schema
        return PureCheck.evaluate(CheckSpec(kind: .promptSchema), context)!
    }

    @Test func passesFailsAndSaysWhenThePromptHasNoSchema() {
        #expect(run(#"{"priority":"low"}"#).status == .pass)
        #expect(run(#"{"priority":"low"}"#).reason == "fits the prompt's schema")
        #expect(run(#"{"priority":"urgent"}"#).status == .fail)
        #expect(run(#"{"priority":"urgent"}"#).reason == #"does not fit the schema: $.priority: "urgent" is not one of ["low","high"]"#)
        #expect(run("High priority.").reason == "not JSON: unexpected 'H' at 1:1")
        #expect(run("{}", schema: nil).status == .error)
        #expect(run("{}", schema: nil).reason == "the prompt has no schema: add schema = {…} or schema_file = \"…\" to the prompt file, or use --schema FILE")
    }

    @Test func theSpecReadsItWithNoSchemaRepeated() throws {
        let spec = try EvaluationSpecReader(file: "t.refract.toml", folder: URL(fileURLWithPath: "/tmp")).read("\n[[checks]]\ntype = \"schema\"\n")
        #expect(spec.checks.map(\.kind) == [.promptSchema])
        #expect(spec.checks.first?.name == "schema")
    }

    @Test func aCellGivesItsPromptsSchemaToItsChecks() {
        var prompt = Prompt(instruction: "i")
        prompt.schema = ResponseSchema(schema: Self.schema)
        let cell = EvalCell(
            caseIndex: 0, evalCase: EvalCase(name: "c"), variant: "v", model: ModelRef(provider: "p", model: "m"), repeatIndex: 1,
            prompt: prompt, request: ModelRequest(model: "m", messages: []), checks: []
        )
        #expect(cell.context(answer: "{}", costUSD: nil, ttftMs: nil, totalMs: nil, outputTokens: nil).schema == Self.schema)
    }
}
