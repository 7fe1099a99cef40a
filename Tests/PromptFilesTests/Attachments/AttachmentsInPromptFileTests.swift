import Foundation
import Testing
@testable import PromptFiles

/// `[[attachments]]` is read, checked and written back byte for byte, unknown keys and comments kept.
@Suite struct AttachmentsInPromptFileTests {
    static let text = """
        format = 1
        system = ""
        input = "x"

        [[instructions]]
        name = "instruction 1"
        text = "Summarise."

        # the policy first
        [[attachments]]
        path = "docs/policy.md"

        [[attachments]]
        path = "shots/*.png"
        note = 'kept'

        """

    @Test func attachmentsRoundTripByteForByte() throws {
        let (doc, warnings) = try PromptFileReader(file: "a.refract.toml").read(Self.text)
        #expect(warnings.isEmpty)
        #expect(doc.attachments.map(\.path) == ["docs/policy.md", "shots/*.png"])
        #expect(PromptFileWriter.text(of: doc) == Self.text)
    }

    @Test func anEntryWithoutAPathIsAnErrorWithItsPlace() {
        let bad = "format = 1\n\n[[attachments]]\npath = \"\"\n"
        #expect(throws: PromptFileError.self) { try PromptFileReader(file: "b.refract.toml").read(bad) }
        do { _ = try PromptFileReader(file: "b.refract.toml").read(bad) } catch {
            #expect(error.description.contains("attachments[1].path: needs a path"), "\(error.description)")
        }
    }
}
