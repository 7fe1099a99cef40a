import Foundation
import RefractTestSupport
import Testing

/// Issue 13: attachments in the workbench, driven in tmux — a text file from the prompt file and an
/// image picked with the attach picker (filtering as you type) are listed in the context pane with their
/// cost, the image previewed, both reach an echoing model, and the pick is saved in the prompt file.
@Suite(.serialized) struct AttachmentsEndToEndTests {
    /// A real 8×5 PNG (a colour gradient), so the context pane can decode and preview it.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAFCAIAAAD38zoCAAAAXElEQVR42mXLuwlCQRBA0eMHNtsBYYOBRYSXmTmxlRhbhJVYiZVYkc/ERLjZ4cKRKzcePHnxZqNWaP9tV1BNdTXUVIs6q8vOXWSPPESOyIyckafIZf89NDqD+esDurAJ0dp6Bo8AAAAASUVORK5CYII=")!

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
        // Colour on (the test runner may set NO_COLOR), so the image preview is drawn.
        let w = try WorkbenchInTmux([file], config: config, extraEnvironment: ["NO_COLOR": ""], localModels: false)
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
        try w.tmux.waitForText("image/png 8×5 · \(Self.png.count) B")
        try w.escape()
        // The context pane lists both with what they cost, and previews the image in half blocks.
        try w.keys("M-7")
        try w.tmux.waitForText("PNG · 8×5 · \(Self.png.count) B")
        #expect(w.screen.contains("notes.txt") && w.screen.contains("text · 26 B · ~7 tok"), "the context lists the text file with its tokens:\n\(w.screen)")
        try w.keys("Down")
        try w.keys("Enter")
        try w.tmux.waitForText("▾ cat.png")
        try w.tmux.waitForText("▀▀▀▀▀▀▀▀")
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
