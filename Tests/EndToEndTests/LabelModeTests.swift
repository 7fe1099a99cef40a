import Foundation
import RefractTestSupport
import Testing

/// Issue 12, label mode: `refract compare FILE --labels` on the local models scores each label as the
/// start of the answer instead of sampling. A one-token label's log-probability is the model's own for
/// that first token (the same number a sampled run reports through the other endpoint); a label of
/// several tokens adds each token's log-probability given the ones before it, so it can only be less likely
/// than its first token.
@Suite(.serialized) struct LabelModeTests {
    static let file = """
        models = ["local:gemma3-270m", "local:smollm2-135m-instruct"]
        labels = ["positive", "negative", "very negative"]
        input = "{{review}}"

        [params]
        temperature = 0
        max_tokens = 1
        mode = "raw"

        [variables]
        review = "The battery died after one day."

        [[instructions]]
        name = "label"
        text = "Classify the sentiment of the review as positive or negative."

        [[examples]]
        input = "I love this kettle."
        output = "positive"

        [[examples]]
        input = "The handle broke on day two."
        output = "negative"

        """

    func objects(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func eachCellShowsTheLabelsDistributionScoredTokenByToken() throws {
        try SharedLocalModels.shared.ensureRunning(binary: RefractCLI.path())
        let dir = TemporaryFolder()
        let path = try dir.write("sentiment.refract.toml", Self.file)
        let env = ["REFRACT_HOME": PackagePaths.root.path]
        let json = try RefractCLI.run(["compare", path, "--labels", "--format", "json", "--sessions", dir.file("s")], environment: env, in: dir.path)
        #expect(json.status == 0, "\(json.stderr)\n\(json.stdout)")
        let report = try #require(objects(json.stdout).first)
        let cells = try #require(report["cells"] as? [[String: Any]])
        #expect(cells.map { $0["model"] as? String } == ["local:gemma3-270m", "local:smollm2-135m-instruct"])

        for cell in cells {
            let model = try #require(cell["model"] as? String)
            let labels = try #require(cell["labels"] as? [[String: Any]])
            #expect(labels.map { $0["label"] as? String } == ["positive", "negative", "very negative"])
            let shares = labels.compactMap { $0["share"] as? Double }
            #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
            // Raw mode: scored with the space the pattern puts after "Output:".
            #expect(labels.map { $0["scored"] as? String } == [" positive", " negative", " very negative"])
            let several = labels[2]
            #expect((several["tokens"] as? [String])?.count ?? 0 >= 2, "\"very negative\" is several tokens")

            // The sampled run's first token, through /v1/completions: the same log-probabilities.
            let sampled = try RefractCLI.run(["run", path, "--model", model, "--logprobs", "20", "--json", "--sessions", dir.file("s")], environment: env, in: dir.path)
            #expect(sampled.status == 0, "\(sampled.stderr)")
            let first = try #require(objects(sampled.stdout).first { $0["type"] as? String == "logprobs" }.flatMap { ($0["tokens"] as? [[String: Any]])?.first })
            let top = Dictionary(((first["top"] as? [[String: Any]]) ?? []).compactMap { alt in (alt["token"] as? String).flatMap { t in (alt["logprob"] as? Double).map { (t, $0) } } }, uniquingKeysWith: max)
            for label in labels.prefix(2) {
                let scored = try #require(label["scored"] as? String)
                let theirs = try #require(top[scored], "\(scored) is among the sampled run's top 20")
                // Within 0.02: the two endpoints batch the prompt differently (token ids with a warm prompt cache here), which moves the last digits.
                #expect(abs((label["logprob"] as? Double ?? 0) - theirs) < 0.02, "\(model) \(scored)")
            }
            if let firstToken = (several["tokens"] as? [String])?.first, let alone = top[firstToken] {
                #expect((several["logprob"] as? Double ?? 0) < alone, "a longer label is less likely than its first token")
            }
            #expect(cell["top"] as? String == labels.max { ($0["logprob"] as? Double ?? -999) < ($1["logprob"] as? Double ?? -999) }?["label"] as? String)
        }

        // The table names the most likely label and the distribution per cell.
        let table = try RefractCLI.run(["compare", path, "--labels", "--variant", "label", "--model", "local:gemma3-270m"], environment: env, in: dir.path)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.range(of: #"\| label \| local:gemma3-270m \| \w+ \| \w+ \d+% · "#, options: .regularExpression) != nil, "\(table.stdout)")

        // A cloud model cannot be scored: one clear line per cell, exit 1.
        let cloud = try RefractCLI.run(["compare", path, "--labels", "--model", "openai:gpt-4o-mini"], environment: env.merging(["OPENAI_API_KEY": "sk-test"]) { a, _ in a }, in: dir.path)
        #expect(cloud.status == 1)
        #expect(cloud.stdout.contains("label mode scores labels with llama.cpp"))
    }

    @Test func labelModeWithoutLabelsSaysHowToGiveThem() throws {
        let dir = TemporaryFolder()
        let path = try dir.write("p.refract.toml", "input = \"x\"\n")
        let run = try RefractCLI.run(["compare", path, "--labels"], in: dir.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("label mode needs labels"))
    }
}
