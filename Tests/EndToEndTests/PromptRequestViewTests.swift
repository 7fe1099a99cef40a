import Foundation
import RefractTestSupport
import Testing

/// `refract prompt FILE --show` on cloud models: the exact HTTP request with every key replaced by where
/// it comes from, and the prompt's token count from the provider's own counter (Gemini `countTokens`,
/// Anthropic `count_tokens`, both served here by in-test servers) or a labelled estimate.
@Suite struct PromptRequestViewTests {
    static let file = """
        system = "Be brief."
        input = "Translate: {{text}}"
        models = ["gem:gemini-test", "ant:claude-test", "oai:gpt-test"]

        [params]
        temperature = 0
        max_tokens = 16

        [variables]
        text = "Bonjour"

        """

    @Test func theRequestIsShownExactlyWithoutItsKeyAndTheCountIsTheProvidersOwn() throws {
        let salt = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let keys = ["GEM_KEY": "AIzaCanary\(salt)", "ANT_KEY": "sk-ant-canary-\(salt)", "OAI_KEY": "sk-canary-\(salt)"]
        let server = try HTTPServer { request, writer in
            if request.path.hasSuffix(":countTokens") {
                // Counted only when the whole generate request, system instruction included, came.
                let inner = request.jsonBody?["generateContentRequest"] as? [String: Any]
                let ok = inner?["systemInstruction"] != nil && inner?["model"] as? String == "models/gemini-test"
                writer.respond(status: ok ? 200 : 400, headers: [("content-type", "application/json")], body: #"{"totalTokens":42}"#)
            } else if request.path.hasSuffix("/messages/count_tokens") {
                writer.respond(status: 200, headers: [("content-type", "application/json")], body: #"{"input_tokens":17}"#)
            } else {
                writer.respond(status: 404, body: "")
            }
        }
        defer { server.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", """
            [providers.gem]
            protocol = "gemini"
            base_url = "\(server.baseURL.absoluteString)/v1beta"
            api_key_env = "GEM_KEY"

            [providers.ant]
            protocol = "anthropic"
            base_url = "\(server.baseURL.absoluteString)/v1"
            api_key_env = "ANT_KEY"

            [providers.oai]
            protocol = "openai-chat"
            base_url = "\(server.baseURL.absoluteString)/v1"
            api_key_env = "OAI_KEY"
            """)
        let path = try dir.write("t.refract.toml", Self.file)
        let shown = try RefractCLI.run(["prompt", path, "--show", "--config", config, "--logprobs", "2"], environment: keys, in: dir.path)
        #expect(shown.status == 0, "\(shown.stderr)")
        let out = shown.stdout
        for key in keys.values { #expect(!out.contains(key), "a key was printed") }
        #expect(!out.contains(salt))

        #expect(out.contains("─── temperature 0.0 · max_tokens 16 · logprobs 2 ───"))
        #expect(out.contains("─── 42 prompt tokens (Gemini's countTokens) ───"))
        #expect(out.contains("─── 17 prompt tokens (Anthropic's count_tokens) ───"))
        #expect(out.contains("─── ≈ 7 prompt tokens (estimate: characters ÷ 4; this provider has no token counter) ───"))

        #expect(out.contains("─── the request: POST \(server.baseURL.absoluteString)/v1beta/models/gemini-test:streamGenerateContent?alt=sse ───"))
        #expect(out.contains("x-goog-api-key: ‹key from $GEM_KEY›"))
        #expect(out.contains(#"{"contents":[{"parts":[{"text":"Translate: Bonjour"}],"role":"user"}],"generationConfig":{"logprobs":2,"maxOutputTokens":16,"responseLogprobs":true,"temperature":0},"systemInstruction":{"parts":[{"text":"Be brief."}]}}"#))
        #expect(out.contains("x-api-key: ‹key from $ANT_KEY›"))
        #expect(out.contains("Authorization: Bearer ‹key from $OAI_KEY›"))
        #expect(out.contains(#""logprobs":true"#) && out.contains(#""top_logprobs":2"#))

        // Without keys: the request is still shown, its key header saying what to set; the count is an estimate.
        let keyless = try RefractCLI.run(["prompt", path, "--show", "--config", config, "--model", "gem:gemini-test"], in: dir.path)
        #expect(keyless.status == 0, "\(keyless.stderr)")
        #expect(keyless.stdout.contains("x-goog-api-key: ‹no key: set $GEM_KEY›"))
        #expect(keyless.stdout.contains("(estimate: characters ÷ 4; Gemini's countTokens needs $GEM_KEY)"))

        // --json carries the same request and count.
        let json = try RefractCLI.run(["prompt", path, "--show", "--json", "--config", config, "--model", "gem:gemini-test"], environment: keys, in: dir.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["prompt_tokens"] as? [String: Any])?["tokens"] as? Int == 42)
        #expect((object["request"] as? [String: Any])?["method"] as? String == "POST")
        #expect(!json.stdout.contains(salt))
    }
}
