import Foundation
import RefractTestSupport
import Testing

/// Issue 13: attachments in the workbench, driven in tmux — a text file from the prompt file and an
/// image picked with the attach picker (filtering as you type) reach an echoing model, and the pick is
/// saved in the prompt file.
@Suite(.serialized) struct AttachmentsEndToEndTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 0, 4, 0, 0, 0, 3, 8, 2, 0, 0, 0]
        + Array(repeating: UInt8(0xCD), count: 200))

    @Test func aFileFromThePromptFileAndAPickedImageReachTheModel() throws {
        let echo = try AttachmentEcho.server()
        defer { echo.stop() }
        let folder = URL(fileURLWithPath: TestRunFolder.makeFolder(prefix: "refract-e2e-attach"))
        defer { TestRunFolder.discard(folder.path) }
        try Data("The office opens at nine.\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try Self.png.write(to: folder.appendingPathComponent("cat.png"))
        try Data("not this one\n".utf8).write(to: folder.appendingPathComponent("zebra.md"))
        let file = folder.appendingPathComponent("ask.refract.toml").path
        try """
            format = 1
            models = ["echo:m"]
            system = ""
            input = ""

            [[instructions]]
            name = "instruction 1"
            text = "When does it open?"

            [[attachments]]
            path = "notes.txt"

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let config = """
            [providers.echo]
            protocol = "openai-chat"
            base_url = "http://127.0.0.1:\(echo.port)/v1"
            """
        let w = try WorkbenchInTmux([file], config: config, localModels: false)
        try w.tmux.waitForText("When does it open?")
        try w.keys("M-a")
        try w.tmux.waitForText("notes.txt")
        #expect(w.screen.contains("attached · text · 26 B · ≈ 7 tokens"), "the attached file says what it is:\n\(w.screen)")
        try w.tmux.type("cat")
        try w.tmux.waitForText("› cat.png")
        #expect(!w.screen.contains("zebra.md"), "the filter leaves the others out:\n\(w.screen)")
        try w.keys("Enter")
        try w.tmux.waitForText("attached cat.png")
        try w.keys("M-a")
        try w.tmux.waitForText("image/png 4×3 · \(Self.png.count) B")
        try w.escape()
        try w.keys("C-r")
        try w.tmux.waitForText("[image image/png \(Self.png.count) bytes]", timeout: 30)
        let screen = w.screen
        #expect(screen.contains("File: notes.txt") && screen.contains("The office opens at nine."), "the text file arrived:\n\(screen)")

        // The notes change; a re-run from the session browser says so and sends them as they are now.
        try Data("The office opens at ten.\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try w.keys("C-o")
        try w.tmux.waitForText("1 of 1 sessions")
        try w.keys("Enter")
        try w.tmux.waitForText("RUN MODEL")
        try w.keys("r")
        try w.tmux.waitForText("notes.txt changed since the run", timeout: 10)
        try w.tmux.waitForText("The office opens at [-nine-]{+ten+}.", timeout: 30)  // the word diff of the saved and the new answer
        try w.keys("C-q")
        try w.tmux.waitForText("REFRACT-EXITED 0")
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains("[[attachments]]\npath = \"notes.txt\"\n\n[[attachments]]\npath = \"cat.png\""), "the pick is saved:\n\(saved)")
    }
}
