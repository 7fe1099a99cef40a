import Foundation
import RefractTestSupport
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

/// A judge check graded by the local model itself: whatever the small model answers, the judge's prompt
/// and answer are kept with the result, and an answer that is not a verdict is an error quoting it.
@Suite(.serialized) struct EvalLocalJudgeTests {
    @Test func theLocalModelAsAJudge() throws {
        let dir = TemporaryFolder()
        let file = try dir.write("judged.refract.toml", #"""
            input = "Say hello to {{name}}."
            models = ["local:smollm2-135m-instruct"]

            [params]
            temperature = 0
            max_tokens = 10

            [[checks]]
            type = "judge"
            model = "local:smollm2-135m-instruct"
            rubric = "The answer greets {{name}}."
            max_tokens = 40

            [[cases]]
            name = "ann"
            vars = { name = "Ann" }   # `name` names the case, so a variable called name goes in vars
            """#)
        let run = try RefractCLI.run(["eval", file, "--format", "json", "--no-save"], in: dir.path, timeout: 240)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let cell = try #require((report["cells"] as? [[String: Any]])?.first)
        let check = try #require((cell["checks"] as? [[String: Any]])?.first)
        #expect(check["type"] as? String == "judge")
        let judge = try #require(check["judge"] as? [String: Any], "the judge's prompt and answer are kept")
        #expect((judge["prompt"] as? String ?? "").contains("The answer greets Ann."))
        #expect((judge["prompt"] as? String ?? "").contains(cell["text"] as? String ?? "—"))
        #expect(judge["model"] as? String == "local:smollm2-135m-instruct")
        #expect(judge["cost_usd"] as? Double == 0)
        let result = check["result"] as? String
        #expect(["pass", "fail", "error"].contains(result))
        if result == "error" {
            // An unreadable verdict quotes what the judge said.
            let said = (judge["answer"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect((check["reason"] as? String ?? "").contains(String(said.prefix(20))), "\(check)")
        }
        #expect(run.status == (result == "pass" ? 0 : 1))
    }
}

/// The shipped example, as the issue's "done" asks: every cell printed with its checks, and the exit
/// status non-zero exactly when a check did not pass.
@Suite(.serialized) struct ThreeFeaturesExampleTests {
    @Test func theExampleRunsOnTheLocalModel() throws {
        let dir = TemporaryFolder()
        let example = PackagePaths.root.appendingPathComponent("examples/three-features.refract.toml").path
        let run = try RefractCLI.run(["eval", example, "--format", "json", "--no-save"], in: dir.path, timeout: 600)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let cells = try #require(report["cells"] as? [[String: Any]])
        #expect(cells.count == 12)
        #expect(Set(cells.compactMap { $0["instruction"] as? String }) == ["ticket", "answer", "translate"])
        let checkCounts = cells.map { ($0["checks"] as? [[String: Any]])?.count ?? 0 }
        #expect(checkCounts == [3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1])
        let allPassed = cells.allSatisfy { cell in (cell["checks"] as? [[String: Any]] ?? []).allSatisfy { $0["result"] as? String == "pass" } }
        #expect(run.status == (allPassed ? 0 : 1), "\(run.stderr)")
    }
}
