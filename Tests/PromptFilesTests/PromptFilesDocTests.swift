import Foundation
import RefractTestSupport
import Testing
@testable import PromptFiles

/// `docs/prompt-files.md` stays true: its complete example is read without warnings and written back
/// byte for byte (it claims to be exactly what Refract writes), and every key the reader knows is documented.
@Suite struct PromptFilesDocTests {
    static let doc: String = (try? String(contentsOf: PackagePaths.root.appendingPathComponent("docs/prompt-files.md"), encoding: .utf8)) ?? ""

    /// The first ```toml block.
    static var example: String? {
        guard let start = doc.range(of: "```toml\n"), let end = doc.range(of: "\n```", range: start.upperBound..<doc.endIndex) else { return nil }
        return String(doc[start.upperBound..<end.lowerBound]) + "\n"
    }

    @Test func theCompleteExampleIsReadAndWrittenBackUnchanged() throws {
        let example = try #require(Self.example, "docs/prompt-files.md has no ```toml block")
        let (document, warnings) = try PromptFileReader(file: "example.refract.toml").read(example)
        #expect(warnings.isEmpty)
        #expect(document.instructions.map(\.name) == ["ticket", "answer"])
        #expect(document.examples.count == 2)
        #expect(document.attachments.map(\.path) == ["docs/returns-policy.md", "photos/*.png"])
        #expect(document.rawFormat.inputPrefix == "Email: ")
        #expect(PromptFileWriter.text(of: document) == example)
    }

    @Test func everyKeyTheReaderKnowsIsDocumented() {
        let keys = PromptFileReader.topLevelKeys.subtracting(["instructions", "examples", "variables", "params", "raw", "workbench", "attachments", "tools"])
        for key in keys { #expect(Self.doc.contains("| `\(key)` |"), "top-level key \(key)") }
        for table in ["[[instructions]]", "[[examples]]", "[[attachments]]", "[variables]", "[workbench]"] { #expect(Self.doc.contains("| `\(table)`"), "\(table)") }
        for key in PromptFileReader.paramKeys { #expect(Self.doc.contains("| `[params]` `\(key)` |"), "params.\(key)") }
        for key in PromptFileReader.toolKeys { #expect(Self.doc.contains("| `[[tools]]` `\(key)` |"), "tools.\(key)") }
        for key in PromptFileReader.rawKeys { #expect(Self.doc.contains("| `[raw]` `\(key)` |"), "raw.\(key)") }
    }
}
