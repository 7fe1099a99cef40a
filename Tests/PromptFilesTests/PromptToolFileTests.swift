import Foundation
import Providers
import Testing
@testable import PromptFiles

/// `[[tools]]` and the `[params]` tool keys: read, written back byte for byte, and every mistake a
/// line with the file, line and column.
@Suite struct PromptToolFileTests {
    static let file = #"""
        format = 1
        system = "You help with the weather."
        input = "What should I wear in {{city}}?"

        [params]
        tool_choice = "auto"
        max_tool_steps = 4

        [[instructions]]
        name = "instruction 1"
        text = ""

        [[tools]]
        name = "get_weather"
        description = "The weather in a city, now"
        parameters = { properties = { city = { type = "string" } }, required = ["city"], type = "object" }
        result = "18 °C and sunny in {{args.city}}"

        [[tools]]
        name = "lookup_order"
        parameters = "{\"type\":\"object\",\"properties\":{\"order\":{\"type\":\"string\"}},\"required\":[\"order\"]}"
        command = ["./order.sh", "--json"]
        timeout = 5
        # kept as written
        color = 'blue'

        [[tools]]
        name = "ask_customer"
        parameters = { properties = {}, type = "object" }
        ask = true

        """#

    func read(_ text: String) throws -> PromptDocument { try PromptFileReader(file: "w.refract.toml").read(text).document }

    func error(_ text: String) -> String {
        do {
            _ = try read(text)
            return "no error"
        } catch { return "\(error)" }
    }

    @Test func readsTheToolsAndTheirAnswers() throws {
        let doc = try read(Self.file)
        #expect(doc.tools.map(\.name) == ["get_weather", "lookup_order", "ask_customer"])
        #expect(doc.tools[0].answer == .result("18 °C and sunny in {{args.city}}"))
        #expect(doc.tools[0].parameters["required"] == .array([.string("city")]))
        #expect(doc.tools[1].answer == .command(["./order.sh", "--json"], timeoutSeconds: 5))
        // A JSON string keeps its key order.
        if case .object(let pairs) = doc.tools[1].parameters { #expect(pairs.map(\.key) == ["type", "properties", "required"]) }
        #expect(doc.tools[2].answer == .ask)
        #expect(doc.toolChoice == .auto)
        #expect(doc.maxToolSteps == 4)
        #expect(doc.tools[1].extras.lines == ["color = 'blue'"])
    }

    @Test func writesTheFileBackByteForByte() throws {
        let doc = try read(Self.file)
        #expect(PromptFileWriter.text(of: doc) == Self.file)
    }

    @Test func aNewToolIsWrittenAsAnInlineTableAndReadBack() throws {
        var doc = try read(Self.file)
        doc.tools.append(PromptTool(name: "now", description: "Line one\nline two", answer: .command(["date"], timeoutSeconds: 2.5)))
        doc.toolChoice = .named("now")
        let text = PromptFileWriter.text(of: doc)
        #expect(text.contains(#"tool_choice = "now""#))
        #expect(text.contains("parameters = { properties = {}, type = \"object\" }\ncommand = [\"date\"]\ntimeout = 2.5"))
        let again = try read(text)
        #expect(again.tools.last?.answer == .command(["date"], timeoutSeconds: 2.5))
        #expect(again.tools.last?.description == "Line one\nline two")
        #expect(again.toolChoice == .named("now"))
        #expect(PromptFileWriter.text(of: again) == text)
    }

    @Test func aToolWithoutANameSaysWhere() {
        #expect(error("[[tools]]\ndescription = \"x\"\nresult = \"y\"\n") == "w.refract.toml:1:1: tools[1]: a tool needs a name")
    }

    @Test func twoAnswersOrNoneAreRefused() {
        #expect(error("[[tools]]\nname = \"a\"\nresult = \"y\"\nask = true\n") == "w.refract.toml:2:1: tools[1].name: give only one of result, command and ask")
        #expect(error("\n[[tools]]\nname = \"a\"\n").hasPrefix("w.refract.toml:2:1: tools[1]: a tool needs one answer: result = "))
    }

    @Test func parametersThatAreNotAnObjectSchemaAreRefused() {
        #expect(error("[[tools]]\nname = \"a\"\nparameters = { type = \"string\" }\nresult = \"y\"\n")
            == #"w.refract.toml:3:1: tools[1].parameters: expected a JSON schema of type "object" (a tool's arguments are an object)"#)
        #expect(error("[[tools]]\nname = \"a\"\nparameters = '{\"type\": '\nresult = \"y\"\n").hasPrefix("w.refract.toml:3:1: tools[1].parameters: not JSON: "))
        #expect(error("[[tools]]\nname = \"a\"\nparameters = 3\nresult = \"y\"\n").hasPrefix("w.refract.toml:3:1: tools[1].parameters: expected a JSON schema"))
    }

    @Test func aDuplicateNameIsRefused() {
        #expect(error("[[tools]]\nname = \"a\"\nresult = \"y\"\n\n[[tools]]\nname = \"a\"\nask = true\n")
            == #"w.refract.toml:6:1: tools[2].name: a second tool named "a" (names must differ)"#)
    }

    @Test func aBadNameCommandTimeoutOrChoiceIsRefused() {
        #expect(error("[[tools]]\nname = \"get weather\"\nask = true\n").contains("tools[1].name: \"get weather\" is not a tool name"))
        #expect(error("[[tools]]\nname = \"a\"\ncommand = []\n").contains("tools[1].command: expected a list"))
        #expect(error("[[tools]]\nname = \"a\"\ncommand = [\"x\"]\ntimeout = 0\n").contains("tools[1].timeout: expected seconds"))
        #expect(error("[[tools]]\nname = \"a\"\nresult = \"x\"\ntimeout = 3\n").contains("tools[1].timeout: timeout goes with command"))
        #expect(error("[params]\ntool_choice = \"b\"\n\n[[tools]]\nname = \"a\"\nask = true\n")
            == #"w.refract.toml:2:1: params.tool_choice: "b" is not "auto", "none", "required" or the name of a [[tools]] entry"#)
        #expect(error("[params]\nmax_tool_steps = 0\n") == "w.refract.toml:2:1: params.max_tool_steps: expected a whole number from 1 to 100")
    }
}
