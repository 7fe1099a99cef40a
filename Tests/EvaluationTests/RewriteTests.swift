import Foundation
import PromptFiles
import Testing
@testable import Evaluation

/// Decision 35: `PromptFiles` keeps cases and checks as written, so a file the workbench rewrites still
/// holds the same evaluation.
@Suite struct RewriteTests {
    @Test func aRewrittenFileHoldsTheSameCasesAndChecks() throws {
        let text = #"""
            input = "{{email}}"
            repeat = 3

            [[instructions]]
            name = "triage"
            text = "Make a ticket."

            [[checks]]
            type = "json-schema"
            schema = { type = "object", required = ["priority"], properties = { priority = { enum = ["low", "high"] } } }

            [[checks]]
            type = "command"
            run = ["python3", "check.py", "{{expect.priority}}"]
            timeout = 5

            [[cases]]
            name = "late"
            email = "Where is my parcel?"
            expect = { priority = "high" }
            [[cases.checks]]
            type = "contains"
            value = "parcel"
            """#
        let reader = EvaluationSpecReader(file: "t.refract.toml", folder: URL(fileURLWithPath: "/tmp"))
        let before = try reader.read(text)
        let (document, _) = try PromptFileReader(file: "t.refract.toml").read(text)
        let rewritten = PromptFileWriter.text(of: document)
        let after = try reader.read(rewritten)
        #expect(after.repeats == 3)
        #expect(after.cases.map(\.variables) == before.cases.map(\.variables))
        #expect(after.cases.map(\.expect) == before.cases.map(\.expect))
        #expect(after.cases[0].checks.map(\.kind) == before.cases[0].checks.map(\.kind))
        #expect(after.checks.map(\.kind) == before.checks.map(\.kind))
        #expect(after.cases.map(\.name) == ["late"])
    }
}
