import Foundation
import RefractTestSupport
import Testing

/// Issue 12 (part): `refract prompt FILE --show` on a local model prints what llama.cpp itself makes of the
/// prompt — the chat template applied and the tokens — and it matches the server's own endpoints.
@Suite(.serialized) struct PromptInspectionTests {
    static let file = """
        system = "Be brief."
        input = "{{q}}"
        [variables]
        q = "Is the café open?"
        [[instructions]]
        name = "yn"
        text = "Answer yes or no."
        [[examples]]
        input = "Is it raining?"
        output = "no"
        """

    /// The port `refract local serve` advertises for a model.
    func port(_ model: String) throws -> Int {
        let path = PackagePaths.root.appendingPathComponent(".local-model/run/\(model).json").path
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        return try #require(object?["port"] as? Int)
    }

    /// POSTs JSON to the llama.cpp server with curl (an independent client) and parses the answer.
    func post(_ port: Int, _ path: String, _ body: [String: Any]) throws -> [String: Any] {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let result = try CommandRunner.run("/usr/bin/curl", ["-s", "-X", "POST", "http://127.0.0.1:\(port)\(path)", "-H", "content-type: application/json", "-d", json])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func shown(_ model: String, in dir: TemporaryFolder) throws -> [String: Any] {
        let path = try dir.write("p.refract.toml", Self.file)
        let run = try RefractCLI.run(["prompt", path, "--json", "--model", model], environment: ["REFRACT_HOME": PackagePaths.root.path], in: dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func theChatTemplateAndTokensAreLlamaCppsOwn() throws {
        try SharedLocalModels.shared.ensureRunning(binary: RefractCLI.path())
        let dir = TemporaryFolder()
        let shown = try shown("local:smollm2-135m-instruct", in: dir)
        let messages = try #require(shown["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] ?? "" } == ["system", "user", "assistant", "user"])
        let port = try port("smollm2-135m-instruct")
        let templated = try #require(post(port, "/apply-template", ["messages": messages])["prompt"] as? String)
        #expect(shown["templated"] as? String == templated)
        #expect(templated.hasPrefix("<|im_start|>system\nBe brief.<|im_end|>"))
        let tokens = try #require(post(port, "/tokenize", ["content": templated, "with_pieces": true])["tokens"] as? [[String: Any]])
        let ours = try #require(shown["tokens"] as? [[String: Any]])
        #expect(ours.map { $0["id"] as? Int } == tokens.map { $0["id"] as? Int })
        #expect(ours.map { $0["piece"] as? String } == tokens.map { $0["piece"] as? String })
        #expect(ours.count > 20)

        // The human form marks the template's control tokens and makes spaces visible.
        let text = try RefractCLI.run(["prompt", dir.file("p.refract.toml"), "--show", "--model", "local:smollm2-135m-instruct"],
                                      environment: ["REFRACT_HOME": PackagePaths.root.path], in: dir.path)
        #expect(text.stdout.contains("─── with the chat template (llama.cpp /apply-template) ───"))
        #expect(text.stdout.contains("⟦<|im_start|>⟧") && text.stdout.contains("␣café"), "\(text.stdout)")
    }

    @Test func rawModeTokensAreTheTextWithTheBeginningToken() throws {
        try SharedLocalModels.shared.ensureRunning(binary: RefractCLI.path())
        let dir = TemporaryFolder()
        let shown = try shown("local:gemma3-270m", in: dir)
        let raw = try #require(shown["raw_text"] as? String)
        #expect(shown["templated"] as? String == raw)
        let tokens = try #require(post(try port("gemma3-270m"), "/tokenize", ["content": raw, "with_pieces": true, "add_special": true])["tokens"] as? [[String: Any]])
        let ours = try #require(shown["tokens"] as? [[String: Any]])
        #expect(ours.map { $0["id"] as? Int } == tokens.map { $0["id"] as? Int })
        #expect((ours.first?["piece"] as? String) == "<bos>")
    }
}
