import Foundation
import Testing
@testable import Providers

/// Attached files in the prompt: text files as fenced blocks before the user's text (a fence longer than
/// any backtick run inside, so a file cannot close its own block), images as parts of the last user turn,
/// and a session snapshot that keeps path, kind, size and hash but never the bytes.
@Suite struct ContextFileTests {
    static func text(_ path: String, _ text: String) -> ContextFile {
        let data = Data(text.utf8)
        return ContextFile(path: path, location: "/abs/\(path)", kind: .text, mediaType: "text/plain", bytes: data.count, sha256: "h", content: data)
    }

    @Test func textFilesAreBlocksBeforeTheUserTextInOrder() throws {
        var prompt = Prompt(system: "S", instruction: "Summarise.", input: "Now.")
        prompt.files = [Self.text("docs/a.md", "alpha\n"), Self.text("b.txt", "beta")]
        let request = try prompt.request(model: "m", parameters: .init(), mode: .chat)
        #expect(request.messages.map(\.role) == [.system, .user])
        #expect(request.messages[1].content == "File: docs/a.md\n```\nalpha\n```\n\nFile: b.txt\n```\nbeta\n```\n\nSummarise.\n\nNow.")
    }

    @Test func theInputEstimateCountsAttachedTextButNotImages() {
        var prompt = Prompt(system: "S", instruction: "Summarise.", input: "Now.")
        #expect(prompt.textCharacters == 15)
        let image = ContextFile(path: "a.png", kind: .image, mediaType: "image/png", bytes: 50_000, sha256: "h", content: Data(count: 50_000))
        prompt.files = [Self.text("docs/a.md", "alpha\n"), image]
        #expect(prompt.textCharacters == 21)
    }

    @Test func aFileContainingTheFenceGetsALongerOne() {
        #expect(ContextLayout.block(path: "x.md", text: "a\n```\nb\n````` c") == "File: x.md\n``````\na\n```\nb\n````` c\n``````")
        #expect(ContextLayout.block(path: "e", text: "") == "File: e\n```\n\n```")
    }

    @Test func imagesArePartsOfTheLastUserTurnAndFilesAloneMakeAPrompt() throws {
        var prompt = Prompt(system: "S")
        let png = Data([0x89, 0x50])
        prompt.files = [ContextFile(path: "cat.png", kind: .image, mediaType: "image/png", bytes: 2, sha256: "h", content: png)]
        let request = try prompt.request(model: "m", parameters: .init(), mode: .chat)
        #expect(request.messages.last?.role == .user)
        #expect(request.messages.last?.attachments == [MessageAttachment(kind: .image, mediaType: "image/png", name: "cat.png", data: png)])
    }

    @Test func rawModeWithExamplesPutsTheBlocksFirst() throws {
        var prompt = Prompt(instruction: "Classify.", input: "x", examples: [FewShotExample(input: "a", output: "b")])
        prompt.files = [Self.text("k.txt", "key")]
        let request = try prompt.request(model: "m", parameters: .init(), mode: .rawCompletion)
        #expect(request.rawPrompt.hasPrefix("File: k.txt\n```\nkey\n```\n\nClassify."))
    }

    @Test func theSnapshotKeepsTheHashNotTheBytes() throws {
        var prompt = Prompt(instruction: "Hi")
        prompt.files = [Self.text("secret.txt", "the bytes themselves")]
        let json = String(decoding: try JSONEncoder().encode(prompt), as: UTF8.self)
        #expect(!json.contains("the bytes themselves"))
        #expect(json.contains(#""sha256":"h""#))
        let back = try JSONDecoder().decode(Prompt.self, from: Data(json.utf8))
        #expect(back.files.first?.path == "secret.txt")
        #expect(back.files.first?.location == "/abs/secret.txt")
        #expect(back.files.first?.content == nil)
        #expect(throws: ProviderError.self) { try back.request(model: "m", parameters: .init(), mode: .chat) }
        let old = try JSONDecoder().decode(Prompt.self, from: Data(#"{"system":"","instruction":"Hi","input":"","variables":{}}"#.utf8))
        #expect(old.files.isEmpty, "sessions written before attachments still read")
        let plain = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
        #expect(!plain.contains("files"), "a prompt without files keeps its old bytes")
    }
}
