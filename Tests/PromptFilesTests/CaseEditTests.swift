import Foundation
import Testing
import TOMLKit
@testable import PromptFiles

/// The Cases pane's edits on a prompt file's inline `[[cases]]`: the rest of the file and the comment
/// above the cases stay; the result reads back with the same cases.
@Suite struct CaseEditTests {
    static let text = """
        format = 1
        input = "{{text}}"

        [[instructions]]
        name = "echo"
        text = "Repeat it."

        # The test cases.
        [[cases]]
        name = "alpha"
        vars = { text = "Good morning." }
        expect = { word = "morning" }

        [[cases]]
        name = "bravo"
        vars = { text = "The cat sleeps." }
        checks = [{ type = "equals", value = "x" }]
        """

    func read(_ text: String) throws -> PromptDocument { try PromptFileReader(file: "c.refract.toml").read(text).document }

    /// (name, vars, expect) of each case in the written file, read back with TOMLKit.
    func cases(_ doc: PromptDocument) throws -> [(String, [String: String], [String: String])] {
        let written = PromptFileWriter.text(of: doc)
        let again = try read(written)
        let fragment = try #require(again.extras.tables.first { $0.hasPrefix("[[cases]]") })
        let array = try #require(try TOMLTable(string: fragment)["cases"]?.array)
        return array.compactMap(\.table).map { t in
            func strings(_ key: String) -> [String: String] {
                var out: [String: String] = [:]
                for (k, v) in t[key]?.table ?? TOMLTable() { out[k] = v.string }
                return out
            }
            return (t["name"]?.string ?? "", strings("vars"), strings("expect"))
        }
    }

    @Test func addDuplicateEditAndDeleteKeepTheRestOfTheFile() throws {
        var doc = try read(Self.text)
        #expect(try doc.editCases(.add(after: 0, variables: ["text"])) == 1)
        #expect(try doc.editCases(.set(1, .variable("text"), "It rains.")) == 1)
        #expect(try doc.editCases(.set(1, .expect("word"), "rain")) == 1)
        #expect(try doc.editCases(.duplicate(2)) == 3)
        #expect(try doc.editCases(.set(0, .name, "first")) == 0)
        #expect(try doc.editCases(.delete(2)) == 2)
        let written = PromptFileWriter.text(of: doc)
        let read = try cases(doc)
        #expect(read.map(\.0) == ["first", "case 3", "bravo copy"], "\(written)")
        #expect(read[1].1 == ["text": "It rains."] && read[1].2 == ["word": "rain"])
        #expect(read[2].1 == ["text": "The cat sleeps."])
        #expect(written.contains("# The test cases.\n[[cases]]"), "the comment above the cases stays:\n\(written)")
        #expect(written.contains("name = \"echo\"") && written.contains("input = \"{{text}}\""))
        #expect(written.contains("equals"), "a case's own checks are kept")
        #expect(written.contains("vars = { text = 'It rains.' }"), "values stay inline tables, one line per case:\n\(written)")
    }

    @Test func namesStayUniqueAndNonEmpty() throws {
        var doc = try read(Self.text)
        #expect(throws: CaseEditError("there is already a case named \"bravo\"")) { try doc.editCases(.set(0, .name, "bravo")) }
        #expect(throws: CaseEditError("a case needs a name")) { try doc.editCases(.set(0, .name, "  ")) }
        try doc.editCases(.duplicate(0))
        try doc.editCases(.duplicate(0))
        #expect(try cases(doc).map(\.0) == ["alpha", "alpha copy 2", "alpha copy", "bravo"])
    }

    @Test func casesInAnotherFileAreNotEditedHere() throws {
        var doc = try read("format = 1\ncases = \"cases.csv\"\n")
        #expect(doc.casesFile == "cases.csv")
        #expect(throws: CaseEditError("the cases live in cases.csv: edit them there")) { try doc.editCases(.add(after: nil, variables: [])) }
    }

    @Test func theFirstCaseOfAFileWithoutCasesAndTheLastOneDeleted() throws {
        var doc = try read("format = 1\ninput = \"{{q}}\"\n")
        try doc.editCases(.add(after: nil, variables: ["q"]))
        #expect(PromptFileWriter.text(of: doc).contains("[[cases]]"))
        #expect(try cases(doc).map(\.0) == ["case 1"])
        try doc.editCases(.delete(0))
        #expect(!PromptFileWriter.text(of: doc).contains("cases"))
    }

    @Test func importedCasesAreAppendedWithUniqueNamesAndTheirExpectedValues() throws {
        var doc = try read(Self.text)
        let imported = [CaseValues(name: "alpha", variables: ["text": "Hi, \"you\"."], expect: ["word": "hi"]),
                        CaseValues(name: "", variables: ["text": "line one\nline two"]),
                        CaseValues(name: "charlie", variables: ["text": "It snows."])]
        #expect(try doc.editCases(.append(imported)) == 2, "the first imported case is selected")
        let got = try cases(doc)
        #expect(got.map(\.0) == ["alpha", "bravo", "alpha 2", "case 4", "charlie"], "\(PromptFileWriter.text(of: doc))")
        #expect(got[2].1 == ["text": "Hi, \"you\"."] && got[2].2 == ["word": "hi"])
        #expect(got[3].1 == ["text": "line one\nline two"] && got[3].2.isEmpty)
        #expect(try doc.editCases(.append([])) == nil)
        var other = try read("format = 1\ncases = \"cases.csv\"\n")
        #expect(throws: CaseEditError("the cases live in cases.csv: edit them there")) { try other.editCases(.append(imported)) }
    }

    @Test func theRepeatCountIsReadWrittenInPlaceAndRemoved() throws {
        var doc = try read("format = 1\ninput = \"{{text}}\"\nrepeat = 2 # samples\ntitle = \"t\"\n")
        #expect(doc.repeatCount == 2)
        doc.setRepeatCount(5)
        #expect(doc.repeatCount == 5)
        let written = PromptFileWriter.text(of: doc)
        #expect(written.contains("repeat = 5"), "\(written)")
        #expect(try read(written).repeatCount == 5)
        // An explicit 1 stays written where it was; nil removes the key.
        doc.setRepeatCount(1)
        #expect(PromptFileWriter.text(of: doc).contains("repeat = 1"))
        doc.setRepeatCount(nil)
        #expect(doc.repeatCount == nil && !PromptFileWriter.text(of: doc).contains("repeat"))
        // A file without the key does not grow one for the default.
        var plain = try read("format = 1\nrepeats_note = \"x\"\n")
        #expect(plain.repeatCount == nil)
        plain.setRepeatCount(1)
        #expect(!PromptFileWriter.text(of: plain).contains("repeat ="))
        plain.setRepeatCount(3)
        #expect(PromptFileWriter.text(of: plain).contains("repeat = 3") && PromptFileWriter.text(of: plain).contains("repeats_note"))
    }
}
