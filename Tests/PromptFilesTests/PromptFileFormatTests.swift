import Foundation
import Providers
import Testing
@testable import PromptFiles

@Suite struct PromptFileFormatTests {
    static let sample = #"""
        title = "Support features"
        system = "You are a support assistant for Acme."
        input = "{{email}}"
        models = ["local:smollm2-135m-instruct", "local:gemma3-270m"]

        [[instructions]]
        name = "ticket"
        text = "Extract the customer's issue, urgency, and product as JSON."

        [[instructions]]
        name = "answer"
        text = """
        Answer this question about our product.
        Be polite and brief."""

        [[examples]]
        input = "My kettle leaks."
        output = '{"issue": "leak", "urgency": "medium", "product": "kettle"}'

        [variables]
        email = "My Acme blender broke after two days."

        [params]
        temperature = 0
        max_tokens = 256
        stop = "END"
        mode = "chat"
        """#

    func read(_ text: String) throws -> PromptDocument { try PromptFileReader(file: "p.refract.toml").read(text).document }

    @Test func readsEverySection() throws {
        let doc = try read(Self.sample)
        #expect(doc.title == "Support features")
        #expect(doc.instructions.map(\.name) == ["ticket", "answer"])
        #expect(doc.instructions[1].text == "Answer this question about our product.\nBe polite and brief.")
        #expect(doc.examples == [PromptExample(input: "My kettle leaks.", output: #"{"issue": "leak", "urgency": "medium", "product": "kettle"}"#)])
        #expect(doc.variables == ["email": "My Acme blender broke after two days."])
        #expect(doc.models == ["local:smollm2-135m-instruct", "local:gemma3-270m"])
        #expect(doc.parameters == GenerationParameters(temperature: 0, maxTokens: 256, stop: ["END"]))
        #expect(doc.mode == .chat)
        let prompt = doc.prompt(variant: 0)
        #expect(prompt.instruction.hasPrefix("Extract"))
        #expect(prompt.examples.count == 1)
    }

    @Test func writesAndReadsBackTheSameDocument() throws {
        let doc = try read(Self.sample)
        let text = PromptFileWriter.text(of: doc)
        #expect(try read(text) == doc)
        #expect(PromptFileWriter.text(of: try read(text)) == text, "writing is stable")
    }

    @Test(arguments: [
        "plain", "two\nlines", "ends with newline\n", "\n\nleading blank lines", "quotes \"\"\" inside\n\"", "back\\slash\\", "tab\there",
        "trailing quote\"", "cr\r\nlf", "control \u{1b}[31m red", "  spaces at end  \nnext  ", "\"\"", "\"\"\"", "\\\n", "ünïcödé 日本 🎉\n",
    ])
    func anyTextRoundTrips(_ text: String) throws {
        var doc = PromptDocument()
        doc.system = text
        doc.instructions = [PromptInstruction(name: text.isEmpty ? "x" : text, text: text)]
        doc.variables = ["v": text]
        let written = PromptFileWriter.text(of: doc)
        let back = try read(written)
        #expect(back.system == text)
        #expect(back.instructions[0].text == text)
        #expect(back.variables["v"] == text)
    }

    @Test func oneChangedLineOfATextIsOneChangedLineOfTheFile() throws {
        var doc = PromptDocument()
        doc.instructions = [PromptInstruction(name: "a", text: "line one\nline two\nline three")]
        let before = PromptFileWriter.text(of: doc).split(separator: "\n", omittingEmptySubsequences: false)
        doc.instructions[0].text = "line one\nline 2\nline three"
        let after = PromptFileWriter.text(of: doc).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        let changed = zip(before, after).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.1 == "line 2")
    }

    @Test func unknownKeysAreKeptOnRewrite() throws {
        let text = """
            future_flag = true
            system = "s"

            [params]
            temperature = 0.5
            frequency_penalty = 0.2

            [[instructions]]
            name = "a"
            text = "t"
            color = "red"

            [[examples]]
            input = "i"
            output = "o"
            weight = 2

            [[cases]]
            name = "one"
            vars = { email = "x" }

            [[cases]]
            name = "two"

            [judge]
            model = "local:smollm2-135m-instruct"
            """
        let doc = try read(text)
        let rewritten = PromptFileWriter.text(of: doc)
        for needle in ["future_flag = true", "frequency_penalty = 0.2", "color = 'red'", "weight = 2", "[[cases]]", "name = 'two'", "[judge]"] {
            #expect(rewritten.contains(needle) || rewritten.contains(needle.replacingOccurrences(of: "'", with: "\"")), "kept: \(needle)\n\(rewritten)")
        }
        let again = try read(rewritten)
        #expect(again == doc)
    }

    @Test func aNewerFormatIsRefusedWithItsLine() {
        #expect {
            try read("system = \"s\"\nformat = 2\n")
        } throws: { error in
            let e = error as! PromptFileError
            return e.line == 2 && e.description.contains("newer Refract") && e.description.hasPrefix("p.refract.toml:2:1:")
        }
    }

    @Test(arguments: [
        ("system = 3", 1, "system: expected text"),
        ("input = \"x\"\n\n[params]\ntemperature = 9", 4, "params.temperature: expected a number from 0 to 2"),
        ("[[instructions]]\nname = \"a\"\n\n[[instructions]]\nname = \"b\"\ntext = 5", 6, "instructions[2].text: expected text"),
        ("[[instructions]]\nname = \"a\"\n[[instructions]]\nname = \"a\"", 4, "a second variant named"),
        ("models = [\"nocolon\"]", 1, "not provider:model"),
        ("[params]\nmode = \"fast\"", 2, "expected \"chat\" or \"raw\""),
        ("[raw]\ninput_prefx = \"Q\"", 2, "did you mean input_prefix"),
        ("system = \"unterminated", 1, "invalid TOML"),
    ] as [(String, Int, String)])
    func mistakesNameTheirLine(_ text: String, _ line: Int, _ message: String) {
        #expect {
            try read(text)
        } throws: { error in
            let e = error as! PromptFileError
            return e.line == line && e.description.contains(message)
        }
    }

    @Test func aTypoOfAKnownKeyIsAWarningAndKept() throws {
        let (doc, warnings) = try PromptFileReader(file: "f").read("sytem = \"x\"\n")
        #expect(warnings == ["f:1:1: unknown key sytem (did you mean system?); kept as written"])
        #expect(PromptFileWriter.text(of: doc).contains("sytem = "))
    }

    @Test func rawFormatAndWorkbenchPlaceRoundTrip() throws {
        var doc = PromptDocument()
        doc.rawFormat = RawExampleFormat(inputPrefix: "Q: ", outputPrefix: "A: ", separator: "\n---\n")
        doc.workbench = WorkbenchPlace(focus: "examples", variant: 2)
        doc.mode = .rawCompletion
        #expect(try read(PromptFileWriter.text(of: doc)) == doc)
    }
}
