import Foundation
import Platform
import RefractTestSupport
import Testing

/// Attachments through the real binary: a text file and an image reach an echoing server, the session
/// keeps their hashes and never their bytes, a replay says when a file changed or is gone, and what a
/// model cannot take is refused before any request.
@Suite(.serialized) struct AttachmentsCommandTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 0, 4, 0, 0, 0, 3, 8, 2, 0, 0, 0]
        + Array(repeating: UInt8(0xAB), count: 300))

    static func config(_ port: Int) -> String {
        """
        [providers.echo]
        protocol = "openai-chat"
        base_url = "http://127.0.0.1:\(port)/v1"
        """
    }

    @Test func aTextFileAndAnImageReachTheModelAndTheSessionKeepsOnlyTheirHashes() throws {
        let echo = try AttachmentEcho.server()
        defer { echo.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", Self.config(echo.port))
        try FileManager.default.createDirectory(atPath: dir.file("docs"), withIntermediateDirectories: true)
        try dir.write("docs/policy.md", "Refunds within 30 days.\n")
        try Self.png.write(to: URL(fileURLWithPath: dir.file("cat.png")))
        try dir.write("ask.refract.toml", "format = 1\ninstruction = \"Answer.\"\n\n[[attachments]]\npath = \"docs/*.md\"\n")
        let sessions = dir.file("sessions")
        let run = try RefractCLI.run(["run", dir.file("ask.refract.toml"), "--attach", "cat.png", "--config", config, "--sessions", sessions, "--model", "echo:m"], in: dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("File: docs/policy.md\n```\nRefunds within 30 days.\n```\n\nAnswer."), "\(run.stdout)")
        #expect(run.stdout.contains("[image image/png \(Self.png.count) bytes]"), "\(run.stdout)")

        let files = dir.allFiles().filter { $0.hasPrefix(sessions) }
        let session = try String(contentsOfFile: try #require(files.first), encoding: .utf8)
        #expect(session.contains(SHA256.hex(Self.png)))
        #expect(session.contains(#""path":"cat.png""#))
        #expect(!session.contains(Self.png.base64EncodedString()), "no image bytes in the session")
        #expect(!session.contains("base64"), "no data URL in the session")
        #expect(session.utf8.count < 4096)

        // The policy changes and the image is deleted: the replay says so before playing.
        try dir.write("docs/policy.md", "Refunds within 14 days.\n")
        try FileManager.default.removeItem(atPath: dir.file("cat.png"))
        let replay = try RefractCLI.run(["replay", try #require(files.first), "--speed", "0"])
        let lines = RefractCLI.lines(replay.stderr)
        #expect(lines.contains { $0.hasPrefix("refract: run 1: docs/policy.md changed since the run (sha256 ") && $0.hasSuffix("now): a re-run sends it as it is now") }, "\(replay.stderr)")
        #expect(lines.contains("refract: run 1: cat.png is gone since the run (it was at \(URL(fileURLWithPath: dir.file("cat.png")).standardizedFileURL.path)): a re-run cannot attach it"), "\(replay.stderr)")
    }

    @Test func promptShowCountsEachTextFileWithTheLocalModelsTokenizer() throws {
        try SharedLocalModels.shared.ensureRunning(binary: RefractCLI.path())
        let dir = TemporaryFolder()
        let text = "The café opens at nine, except on Sundays.\n"
        try dir.write("notes.txt", text)
        try dir.write("p.refract.toml", "format = 1\ninstruction = \"When?\"\n\n[[attachments]]\npath = \"notes.txt\"\n")
        let env = ["REFRACT_HOME": PackagePaths.root.path]
        let shown = try RefractCLI.run(["prompt", "p.refract.toml", "--show", "--model", "local:smollm2-135m-instruct"], environment: env, in: dir.path)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("File: notes.txt\n```\n\(text)```\n\nWhen?"), "\(shown.stdout)")
        let line = try #require(shown.stdout.split(separator: "\n").first { $0.hasPrefix("notes.txt · text · ") }, "\(shown.stdout)")
        // The count is llama.cpp's own: ask its /tokenize with an independent client.
        let runFile = PackagePaths.root.appendingPathComponent(".local-model/run/smollm2-135m-instruct.json")
        let port = try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: runFile)) as? [String: Any])?["port"] as? Int)
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["content": text, "add_special": false]), as: UTF8.self)
        let curl = try CommandRunner.run("/usr/bin/curl", ["-s", "-X", "POST", "http://127.0.0.1:\(port)/tokenize", "-H", "content-type: application/json", "-d", body])
        let tokens = try #require((try JSONSerialization.jsonObject(with: Data(curl.stdout.utf8)) as? [String: Any])?["tokens"] as? [Any])
        #expect(line == "notes.txt · text · \(text.utf8.count) B · \(tokens.count) tokens")
        #expect(shown.stdout.contains("─── 1 attached file (tokens: llama.cpp /tokenize) ───"))

        let estimated = try RefractCLI.run(["prompt", "p.refract.toml", "--show", "--no-tokens", "--model", "local:smollm2-135m-instruct"], environment: env, in: dir.path)
        #expect(estimated.stdout.contains("notes.txt · text · \(text.utf8.count) B · ≈ \((text.unicodeScalars.count + 3) / 4) tokens"), "\(estimated.stdout)")
        #expect(estimated.stdout.contains("─── 1 attached file (tokens: ≈ estimate, characters ÷ 4) ───"))
    }

    @Test func whatAModelCannotTakeIsRefusedBeforeAnyRequest() throws {
        let echo = try AttachmentEcho.server()
        defer { echo.stop() }
        let dir = TemporaryFolder()
        let config = try dir.write("config.toml", Self.config(echo.port))
        try dir.write("report.pdf", "%PDF-1.4 a tiny document")
        let pdf = try RefractCLI.run(["run", "--instruction", "Sum up.", "--attach", "report.pdf", "--config", config, "--no-save", "--model", "echo:m"], in: dir.path)
        #expect(pdf.status == 1)
        #expect(pdf.stderr.contains("report.pdf is a PDF: openai-chat does not take PDFs (Anthropic and Gemini do) — pick one of their models, or remove the attachment"), "\(pdf.stderr)")
        #expect(echo.requests.isEmpty, "nothing was sent")

        let missing = try RefractCLI.run(["run", "--instruction", "x", "--attach", "nope/*.md", "--config", config, "--no-save", "--model", "echo:m"], in: dir.path)
        #expect(missing.status == 2)
        #expect(RefractCLI.lines(missing.stderr).last == "refract: attachment nope/*.md: matches no file — check the pattern (relative to the working folder)", "\(missing.stderr)")
        #expect(echo.requests.isEmpty)
    }
}
