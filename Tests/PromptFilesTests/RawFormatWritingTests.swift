import Testing
@testable import PromptFiles
import Providers

/// The `[raw]` table is written on single lines: a separator is whitespace, and a `"""` block of empty
/// lines would hide what it is.
@Suite struct RawFormatWritingTests {
    @Test func rawValuesAreWrittenEscapedOnOneLineAndReadBack() throws {
        var doc = PromptDocument()
        doc.rawFormat = RawExampleFormat(inputPrefix: "Q: ", outputPrefix: "A:\t", separator: "\n\n###\n")
        let text = PromptFileWriter.text(of: doc)
        #expect(text.contains("[raw]\ninput_prefix = \"Q: \"\noutput_prefix = \"A:\t\"\nseparator = \"\\n\\n###\\n\"\n"), "\(text)")
        #expect(try PromptFileReader(file: "f").read(text).document.rawFormat == doc.rawFormat)
    }
}
