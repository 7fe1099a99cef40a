import Foundation
import Platform
import RefractTestSupport
import Testing

/// Prompt files through the real binary: `refract prompt FILE --show` prints exactly what each model would
/// receive, `refract run FILE --json` runs every variant × model on the local models and records the
/// examples, `sessions export --format prompt` writes a file that makes the same requests, and a bad file
/// fails with exit code 2 and one line naming the place.
@Suite(.serialized) struct PromptFileCommandTests {
    /// Two variants, two examples (one using a variable), the chat model and the base model.
    static let file = """
        system = "Answer with one word."
        input = "{{review}}"
        models = ["local:smollm2-135m-instruct", "local:gemma3-270m"]

        [params]
        temperature = 0
        max_tokens = 4
        seed = 3

        [variables]
        review = "It died."
        thing = "screen"

        [[instructions]]
        name = "sentiment"
        text = "Classify the sentiment."

        [[instructions]]
        name = "topic"
        text = "Name the topic."

        [[examples]]
        input = "I love the {{thing}}."
        output = "positive"

        [[examples]]
        input = "It broke on day two."
        output = "negative"

        """

    /// What `--show` prints for one variant: the chat model's messages, then the base model's raw text.
    static func shown(_ variant: String, _ instruction: String) -> String {
        """
        ═══ \(variant) · local:smollm2-135m-instruct · chat ═══
        ─── system ───
        Answer with one word.
        ─── user ───
        \(instruction)

        I love the screen.
        ─── assistant ───
        positive
        ─── user ───
        It broke on day two.
        ─── assistant ───
        negative
        ─── user ───
        It died.
        ─── temperature 0.0 · max_tokens 4 · seed 3 ───
        ─── ≈ \(25 + (instruction.count - 15) / 4) prompt tokens (estimate: characters ÷ 4; llama.cpp's /tokenize not asked (--no-tokens)) ───
        ─── the request: POST http://127.0.0.1:PORT/v1/chat/completions ───
        Content-Type: application/json
        Accept: text/event-stream
        {"max_tokens":4,"messages":[{"content":"Answer with one word.","role":"system"},{"content":"\(instruction)\\n\\nI love the screen.","role":"user"},{"content":"positive","role":"assistant"},{"content":"It broke on day two.","role":"user"},{"content":"negative","role":"assistant"},{"content":"It died.","role":"user"}],"model":"smollm2-135m-instruct","seed":3,"stream":true,"stream_options":{"include_usage":true},"temperature":0}

        ═══ \(variant) · local:gemma3-270m · raw completion ═══
        ─── text the model continues ───
        Answer with one word.

        \(instruction)

        Input: I love the screen.
        Output: positive

        Input: It broke on day two.
        Output: negative

        Input: It died.
        Output:
        ─── temperature 0.0 · max_tokens 4 · stop "\\nInput:" · seed 3 ───
        ─── ≈ \(39 + (instruction.count - 15) / 4) prompt tokens (estimate: characters ÷ 4; llama.cpp's /tokenize not asked (--no-tokens)) ───
        ─── the request: POST http://127.0.0.1:PORT/v1/completions ───
        Content-Type: application/json
        Accept: text/event-stream
        {"max_tokens":4,"model":"gemma3-270m","prompt":"Answer with one word.\\n\\n\(instruction)\\n\\nInput: I love the screen.\\nOutput: positive\\n\\nInput: It broke on day two.\\nOutput: negative\\n\\nInput: It died.\\nOutput:","seed":3,"stop":["\\nInput:"],"stream":true,"stream_options":{"include_usage":true},"temperature":0}


        """
    }

    /// `--show` with the local servers' ports (which depend on what runs) replaced by PORT.
    static func normalised(_ shown: String) -> String {
        shown.replacingOccurrences(of: #"127\.0\.0\.1:[0-9]+/"#, with: "127.0.0.1:PORT/", options: .regularExpression)
    }

    static var localEnvironment: [String: String] { ["REFRACT_HOME": PackagePaths.root.path] }

    @Test func showPrintsTheExactMessagesAndThePatternForEveryVariantAndModel() throws {
        let dir = TemporaryFolder()
        let path = try dir.write("review.refract.toml", Self.file)
        let all = try RefractCLI.run(["prompt", path, "--show", "--no-tokens"], in: dir.path)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(Self.normalised(all.stdout) == Self.shown("sentiment", "Classify the sentiment.") + Self.shown("topic", "Name the topic."))
        #expect(all.stderr.isEmpty)

        let one = try RefractCLI.run(["prompt", path, "--show", "--no-tokens", "--variant", "topic"], in: dir.path)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(Self.normalised(one.stdout) == Self.shown("topic", "Name the topic."))

        // Command-line values take the file's place.
        let overridden = try RefractCLI.run(["prompt", path, "--show", "--no-tokens", "--variant", "sentiment", "--model", "local:gemma3-270m", "--var", "review=Great."], in: dir.path)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stdout.contains("Input: Great.\nOutput:\n─── temperature 0.0 · max_tokens 4 · stop \"\\nInput:\" · seed 3 ───\n"))
        #expect(overridden.stdout.contains(#"Input: Great.\nOutput:","seed":3"#), "the request body carries the new value")
        #expect(!overridden.stdout.contains("smollm2"))
    }

    @Test func runPrintsFourSummariesRecordsTheExamplesAndExportsAFileThatSendsTheSame() throws {
        try SharedLocalModels.shared.ensureRunning(binary: RefractCLI.path())
        let dir = TemporaryFolder()
        let path = try dir.write("review.refract.toml", Self.file)
        let sessions = dir.file("sessions")
        let run = try RefractCLI.run(["run", path, "--json", "--sessions", sessions], environment: Self.localEnvironment, in: dir.path, timeout: 240)
        #expect(run.status == 0, "\(run.stderr)")
        let objects = try run.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
        let summaries = objects.filter { $0["type"] as? String == "summary" }
        #expect(summaries.count == 4)
        #expect(summaries.map { "\($0["variant"] as? String ?? "?") × \($0["model"] as? String ?? "?")" } == [
            "sentiment × local:smollm2-135m-instruct", "sentiment × local:gemma3-270m",
            "topic × local:smollm2-135m-instruct", "topic × local:gemma3-270m",
        ])
        for summary in summaries {
            #expect(summary["error"] is NSNull, "\(summary)")
            #expect(((summary["usage"] as? [String: Any])?["output"] as? Int ?? 0) > 0, "\(summary)")
        }

        // The session's run snapshots carry the examples (variables unfilled, as written) and each model's mode.
        let file = try #require(TemporaryFolder.sessionFiles(in: sessions).first)
        let started = contents(of: file).split(separator: "\n").compactMap { line -> [String: Any]? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object["type"] as? String == "run_started" ? object : nil
        }
        #expect(started.count == 4)
        for run in started {
            let examples = (run["prompt"] as? [String: Any])?["examples"] as? [[String: String]]
            #expect(examples == [["input": "I love the {{thing}}.", "output": "positive"], ["input": "It broke on day two.", "output": "negative"]])
        }
        #expect(started.map { $0["mode"] as? String } == ["chat", "raw", "chat", "raw"])

        // Any run of the comparison exports the whole grid; the exported file sends exactly what the original did.
        let exported = try RefractCLI.run(["sessions", "export", file, "--run", "3", "--format", "prompt"], in: dir.path)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("models = [\"local:smollm2-135m-instruct\", \"local:gemma3-270m\"]\n"))
        #expect(exported.stdout.contains("[[instructions]]\nname = \"sentiment\"\ntext = \"Classify the sentiment.\"\n"))
        #expect(exported.stdout.contains("[[instructions]]\nname = \"topic\"\ntext = \"Name the topic.\"\n"))
        #expect(exported.stdout.contains("[[examples]]\ninput = \"I love the {{thing}}.\"\noutput = \"positive\"\n"))
        let copy = try dir.write("exported.refract.toml", exported.stdout)
        let original = try RefractCLI.run(["prompt", path, "--json", "--no-tokens"], in: dir.path)
        let again = try RefractCLI.run(["prompt", copy, "--json", "--no-tokens"], in: dir.path)
        #expect(original.status == 0 && again.status == 0, "\(original.stderr)\(again.stderr)")
        #expect(original.stdout.split(separator: "\n").count == 4)
        #expect(again.stdout == original.stdout)
    }

    @Test func oneRunExportsAsAFileOfOneVariantAndOneModel() throws {
        try SharedLocalModels.shared.ensureRunning(binary: RefractCLI.path())
        let dir = TemporaryFolder()
        let path = try dir.write("review.refract.toml", Self.file)
        let sessions = dir.file("sessions")
        let run = try RefractCLI.run(
            ["run", path, "--variant", "topic", "--model", "local:gemma3-270m", "--sessions", sessions], environment: Self.localEnvironment, in: dir.path,
            timeout: 180
        )
        #expect(run.status == 0, "\(run.stderr)")
        let file = try #require(TemporaryFolder.sessionFiles(in: sessions).first)
        let exported = try RefractCLI.run(["sessions", "export", file, "--format", "prompt"], in: dir.path)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("models = [\"local:gemma3-270m\"]\n"))
        #expect(exported.stdout.contains("mode = \"raw\"\n"))
        #expect(!exported.stdout.contains("sentiment"))
        // The automatic stop is not written as if the user had chosen it.
        #expect(!exported.stdout.contains("stop ="))
        let copy = try dir.write("exported.refract.toml", exported.stdout)
        let original = try RefractCLI.run(["prompt", path, "--json", "--no-tokens", "--variant", "topic", "--model", "local:gemma3-270m"], in: dir.path)
        let again = try RefractCLI.run(["prompt", copy, "--json", "--no-tokens"], in: dir.path)
        #expect(original.status == 0 && again.status == 0, "\(original.stderr)\(again.stderr)")
        #expect(!original.stdout.isEmpty)
        #expect(again.stdout == original.stdout)

        let missing = try RefractCLI.run(["sessions", "export", file, "--run", "7", "--format", "prompt"], in: dir.path)
        #expect(missing.status == 2)
        #expect(RefractCLI.lines(missing.stderr) == ["refract: \((file as NSString).lastPathComponent) has no run 7 (it has runs 1)"])
    }

    /// Runs `refract prompt FILE --show` (and `run FILE`) on a bad file and returns its single stderr line.
    func failure(_ path: String, _ extra: [String] = [], command: String = "prompt", in dir: TemporaryFolder) throws -> String {
        let result = try RefractCLI.run([command, path] + (command == "prompt" ? ["--show"] : []) + extra, in: dir.path)
        #expect(result.status == 2, "\(command) \(path): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = RefractCLI.lines(result.stderr)
        #expect(lines.count == 1, "\(lines)")
        return lines.first ?? ""
    }

    @Test func badFilesFailWithExitCodeTwoAndOneLineWithThePlace() throws {
        let dir = TemporaryFolder()
        let good = try dir.write("good.refract.toml", Self.file)
        #expect(try failure(good, ["--variant", "tone"], in: dir)
            == "refract: \(good) has no instruction variant named \"tone\" (it has \"sentiment\", \"topic\")")

        let malformed = try dir.write("malformed.refract.toml", "title = \"x\"\nsystem = \"unclosed\n")
        let syntax = try failure(malformed, in: dir)
        #expect(syntax.hasPrefix("refract: \(malformed):2:"), "\(syntax)")
        #expect(syntax.contains("invalid TOML"))
        // `run` refuses it the same way, before any model starts.
        #expect(try failure(malformed, command: "run", in: dir) == syntax)

        let wrongValue = try dir.write("value.refract.toml", "input = \"x\"\n\n[params]\nmax_tokens = 10\ntemperature = 5\n")
        #expect(try failure(wrongValue, in: dir) == "refract: \(wrongValue):5:1: params.temperature: expected a number from 0 to 2")

        let newer = try dir.write("newer.refract.toml", "format = 2\ninput = \"x\"\n")
        let refused = try failure(newer, in: dir)
        #expect(refused.hasPrefix("refract: \(newer):1:1: format: written by a newer Refract (format 2"), "\(refused)")
        #expect(contents(of: newer) == "format = 2\ninput = \"x\"\n")

        let folder = dir.file("folder.refract.toml")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        #expect(try failure(folder, in: dir) == "refract: \(folder): is a folder, not a prompt file (name a .refract.toml file)")

        let latin1 = dir.file("latin1.refract.toml")
        try Data("title = \"ok\"\nsystem = \"caf".utf8 + [0xE9] + "\"\n".utf8).write(to: URL(fileURLWithPath: latin1))
        #expect(try failure(latin1, in: dir) == "refract: \(latin1):2:14: is not UTF-8 text (save it as UTF-8)")

        let huge = dir.file("huge.refract.toml")
        try Data(repeating: UInt8(ascii: "#"), count: 10 * 1024 * 1024 + 1).write(to: URL(fileURLWithPath: huge))
        let tooBig = try failure(huge, in: dir)
        #expect(tooBig.hasPrefix("refract: \(huge): is "), "\(tooBig)")
        #expect(tooBig.contains("a prompt file is at most 10 MB"))

        let absent = dir.file("absent.refract.toml")
        #expect(try failure(absent, in: dir) == "refract: \(absent): no such file")
    }
}
