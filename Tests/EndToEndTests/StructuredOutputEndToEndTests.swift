import Foundation
import RefractTestSupport
import Testing

/// Issue 13 (structured output) on the real llama.cpp server: a prompt with a JSON schema comes back as
/// JSON that validation marks valid (llama.cpp turns `response_format` into a grammar), the same prompt
/// without it (`schema = false`), side by side, does not; the workbench shows the verdict and the JSON view.
@Suite(.serialized) struct StructuredOutputEndToEndTests {
    static let prompt = """
        format = 1
        models = ["local:smollm2-135m-instruct"]
        system = "You are a support assistant."
        input = "My Acme blender broke after two days. I need it fixed now!"
        schema = { type = "object", properties = { product = { type = "string", maxLength = 20 }, priority = { enum = ["low", "high"] } }, required = ["product", "priority"], additionalProperties = false }

        [params]
        temperature = 0.0
        max_tokens = 48
        seed = 1

        [[instructions]]
        name = "json"
        text = "Extract the product and the priority."

        [[instructions]]
        name = "free"
        text = "Extract the product and the priority."
        schema = false

        """

    @Test func withTheSchemaTheAnswerIsValidJSONAndWithoutItItDiffers() throws {
        try SharedLocalModels.shared.ensureRunning(binary: RefractCLI.path())
        let dir = TemporaryFolder()
        let file = try dir.write("ticket.refract.toml", Self.prompt)
        let run = try RefractCLI.run(["run", file, "--json", "--sessions", dir.file("s")], environment: ["REFRACT_HOME": PackagePaths.root.path], in: dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        let summaries = run.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["type"] as? String == "summary" }
        let json = try #require(summaries.first { $0["variant"] as? String == "json" })
        let free = try #require(summaries.first { $0["variant"] as? String == "free" })
        let constrained = try #require(json["text"] as? String)
        #expect((json["schema"] as? [String: Any])?["valid"] as? Bool == true, "\(constrained)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(constrained.utf8)) as? [String: Any])
        #expect(["low", "high"].contains(object["priority"] as? String ?? ""))
        #expect(Array((object as NSDictionary).allKeys as? [String] ?? []).sorted() == ["priority", "product"])
        // The free answer is checked against the same schema, and the difference shows.
        #expect(free["text"] as? String != constrained)
        #expect((free["schema"] as? [String: Any])?["valid"] as? Bool == false, "\(free["text"] ?? "")")
        #expect(run.stderr.contains("refract: local:smollm2-135m-instruct: schema: valid"))
        // Recorded: the schema in the snapshot, the verdict on `finished`.
        let session = try #require(TemporaryFolder.sessionFiles(in: dir.file("s")).first)
        let lines = contents(of: session)
        #expect(lines.contains(#""schema":{"valid":true}"#))
        #expect(lines.contains(#""schema":{"valid":false,"violation":"#))
        #expect(lines.contains(#""sent":false"#))
    }

    @Test func theWorkbenchMarksTheAnswerValidAndShowsItAsJSON() throws {
        let dir = TemporaryFolder()
        let text = Self.prompt.replacingOccurrences(of: "\n[[instructions]]\nname = \"free\"\ntext = \"Extract the product and the priority.\"\nschema = false\n", with: "")
        let file = try dir.write("ticket.refract.toml", text)
        let w = try WorkbenchInTmux([file], width: 120, height: 36)
        try w.tmux.waitForText("Extract the product")
        try w.keys("C-r")
        try w.tmux.waitForText("schema: valid ✓", timeout: 240)
        try w.keys("M-5", "J")
        let screen = try w.tmux.waitForText("stop · JSON view")
        #expect(screen.contains { $0.contains(#"  "product": ""#) }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains(#"  "priority": ""#) })
        #expect(screen.contains { $0.contains("││{") }, "the JSON view starts with its brace on a line of its own")
        #expect(!screen.contains { $0.contains("■ stop") }, "the view draws the value, not the text with its finish line")
        #expect(screen.contains { $0.contains("schema: valid ✓") })
        try w.keys("J")
        let back = try w.tmux.waitForText("■ stop")
        #expect(!back.contains { $0.contains("JSON view") })
        try w.keys("C-q")
        try w.tmux.waitForText("REFRACT-EXITED 0")
    }

    @Test func sideBySideInTheWorkbenchEachColumnHasItsVerdict() throws {
        let dir = TemporaryFolder()
        let file = try dir.write("ticket.refract.toml", Self.prompt)
        let w = try WorkbenchInTmux([file], width: 160, height: 36)
        try w.tmux.waitForText("Extract the product")
        try w.keys("C-g")
        try w.tmux.waitForText("2 instructions × 1 model = 2 cells")
        try w.keys("C-r")
        let screen = try w.tmux.waitFor("both columns judged", timeout: 240) { lines in
            lines.contains { $0.contains("schema: valid ✓") } && lines.contains { $0.contains("schema ✗ ") }
        }
        #expect(screen.contains { $0.contains("json") } && screen.contains { $0.contains("free") }, "\(screen.joined(separator: "\n"))")
        try w.escape()
        try w.keys("C-q")
        try w.tmux.waitForText("REFRACT-EXITED 0")
    }
}
