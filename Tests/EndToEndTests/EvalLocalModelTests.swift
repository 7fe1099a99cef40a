import Foundation
import Testing

/// `refract eval` on the real local model (SmolLM2, temperature 0, a few tokens): every cell is run
/// and graded, and the exit status agrees with the report.
@Suite(.serialized) struct EvalLocalModelTests {
    @Test func aSmallEvaluationOnTheLocalModel() throws {
        let dir = TemporaryFolder()
        let file = try dir.write("colours.refract.toml", #"""
            input = "Name one colour of {{thing}}."
            models = ["local:smollm2-135m-instruct"]

            [params]
            temperature = 0
            max_tokens = 12
            seed = 1

            [[checks]]
            type = "length"
            min = 1
            unit = "chars"

            [[checks]]
            type = "not-contains"
            value = "<|im_end|>"

            [[cases]]
            name = "sky"
            thing = "the sky"

            [[cases]]
            name = "grass"
            thing = "grass"
            """#)
        let run = try RefractCLI.run(["eval", file, "--format", "json", "--sessions", dir.file("sessions")], in: dir.path, timeout: 240)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let cells = try #require(report["cells"] as? [[String: Any]])
        #expect(cells.map { $0["case"] as? String } == ["sky", "grass"])
        for cell in cells {
            #expect(!(cell["text"] as? String ?? "").isEmpty)
            #expect((cell["checks"] as? [[String: Any]])?.count == 2)
            #expect(((cell["usage"] as? [String: Any])?["output"] as? Int ?? 0) > 0)
            #expect(cell["cost_usd"] as? Double == 0)
        }
        let allPassed = cells.allSatisfy { $0["pass"] as? Bool == true }
        #expect(run.status == (allPassed ? 0 : 1), "\(run.stderr)")
    }
}
