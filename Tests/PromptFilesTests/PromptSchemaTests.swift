import Foundation
import Providers
import Testing
@testable import PromptFiles

/// `schema = { … }`, `schema = '''{…}'''` and `schema_file = "…"`: read in the order written, written back
/// byte for byte, a variant may opt out with `schema = false`, and every bad schema is one clear line.
@Suite struct PromptSchemaTests {
    func read(_ text: String) throws(PromptFileError) -> PromptDocument { try PromptFileReader(file: "p.refract.toml").read(text).document }
    func failure(_ text: String) -> String? {
        do { _ = try read(text); return nil } catch { return error.description }
    }

    @Test func anInlineTableKeepsItsKeyOrderAndIsWrittenBackAsItWas() throws {
        let text = """
            format = 1
            system = ""
            input = "{{email}}"
            schema = { type = "object", properties = { reasoning = { type = "string" }, priority = { enum = ["low", "high"] } }, required = ["reasoning", "priority"], additionalProperties = false }

            [variables]
            email = "x"

            [[instructions]]
            name = "instruction 1"
            text = ""

            """
        let doc = try read(text)
        #expect(doc.schema?.text == #"{"type":"object","properties":{"reasoning":{"type":"string"},"priority":{"enum":["low","high"]}},"required":["reasoning","priority"],"additionalProperties":false}"#)
        #expect(PromptFileWriter.text(of: doc) == text)
        #expect(doc.prompt(variant: 0).schema?.schema == doc.schema)
        #expect(doc.prompt(variant: 0).schema?.name == "answer")
    }

    @Test func jsonTextKeepsItsOrderAndIsWrittenBackAsItWas() throws {
        let text = """
            format = 1
            system = ""
            input = ""
            schema = '''
            {"title": "ticket", "type": "object",
             "properties": {"zeta": {"type": "integer"}, "alpha": {"type": "string"}}}
            '''

            [[instructions]]
            name = "instruction 1"
            text = ""

            """
        let doc = try read(text)
        #expect(doc.schema?.text == #"{"title":"ticket","type":"object","properties":{"zeta":{"type":"integer"},"alpha":{"type":"string"}}}"#)
        #expect(doc.responseSchema?.name == "ticket")
        #expect(PromptFileWriter.text(of: doc) == text)
    }

    @Test func aChangedSchemaIsWrittenAsIndentedJSONAndReadsBack() throws {
        var doc = try read("schema = { type = \"string\" }\n")
        doc.schema = try JSONParser.parse(#"{"type":"object","properties":{"b":{"type":"string"},"a":{"const":"it's"}}}"#)
        let written = PromptFileWriter.text(of: doc)
        #expect(written.contains("""
            schema = '''
            {
              "type": "object",
              "properties": {
                "b": {
                  "type": "string"
                },
            """))
        let again = try read(written)
        #expect(again.schema?.text == doc.schema?.text)
        #expect(PromptFileWriter.text(of: again) == written)
    }

    @Test func aVariantCanRunWithoutTheSchema() throws {
        let text = """
            format = 1
            system = ""
            input = ""
            schema = { type = "object" }

            [[instructions]]
            name = "with"
            text = "t"

            [[instructions]]
            name = "without"
            text = "t"
            schema = false

            """
        let doc = try read(text)
        #expect(doc.prompt(variant: 0).schema != nil)
        #expect(doc.prompt(variant: 1).schema == doc.responseSchema, "still checked against it")
        #expect(try doc.prompt(variant: 0).request(model: "m", parameters: .init(), mode: .chat).responseSchema != nil)
        #expect(try doc.prompt(variant: 1).request(model: "m", parameters: .init(), mode: .chat).responseSchema == nil, "but not sent")
        #expect(PromptFileWriter.text(of: doc) == text)
        #expect(failure("[[instructions]]\nname = \"a\"\nschema = true\n") == "p.refract.toml:3:1: instructions[1].schema: expected false (this variant runs without the file's schema); leave it out to use the schema")
    }

    @Test func badSchemasAreOneLineWithTheirPlace() {
        #expect(failure("system = \"\"\nschema = '''{\"type\": }'''\n") == "p.refract.toml:2:1: schema: not JSON: unexpected '}' at 1:10")
        #expect(failure("schema = { type = \"strng\" }\n") == #"p.refract.toml:1:1: schema: not a schema at $.type: "strng" is not a type (array, boolean, integer, null, number, object, string)"#)
        #expect(failure("schema = 3\n") == "p.refract.toml:1:1: schema: not a schema at $: expected an object, found integer")
        #expect(failure("[schema]\ntype = \"object\"\n") == #"p.refract.toml:1:1: schema: a [schema] table loses the order of its keys: write it inline (schema = { type = "object", … }), as JSON text (schema = '''{…}'''), or in a file (schema_file = "…")"#)
        #expect(failure("schema = { type = \"object\" }\nschema_file = \"s.json\"\n") == "p.refract.toml:1:1: schema: both schema and schema_file are given: keep one")
    }

    @Test func aSchemaFileIsReadFromThePromptFilesFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("refract-schema-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let prompt = folder.appendingPathComponent("p.refract.toml")
        let text = "format = 1\nsystem = \"\"\ninput = \"\"\nschema_file = \"ticket.schema.json\"\n\n[[instructions]]\nname = \"instruction 1\"\ntext = \"\"\n"
        try text.write(to: prompt, atomically: true, encoding: .utf8)
        func failure() -> String? {
            do { _ = try PromptFileStore.load(prompt); return nil } catch { return error.description }
        }
        let schemaPath = folder.appendingPathComponent("ticket.schema.json").path
        #expect(failure() == "\(prompt.path):4:1: schema_file: \(schemaPath): no such file")
        try #"{"type": "object",\#n "properties": {"b": {"type": "strin"}}}"#.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        #expect(failure() == #"\#(schemaPath): not a schema at $.properties.b.type: "strin" is not a type (array, boolean, integer, null, number, object, string)"#)
        try "{\"type\": \"object\",\n \"properties\": {\"b\" {}}}".write(toFile: schemaPath, atomically: true, encoding: .utf8)
        #expect(failure() == "\(schemaPath):2:21: not JSON: expected ':' after a key, found '{'")
        try #"{"type": "object", "properties": {"b": {"type": "string"}, "a": {"type": "string"}}}"#.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let loaded = try PromptFileStore.load(prompt)
        #expect(loaded.document.schema?.text == #"{"type":"object","properties":{"b":{"type":"string"},"a":{"type":"string"}}}"#)
        #expect(PromptFileWriter.text(of: loaded.document) == text)
    }
}
