import Foundation
import PromptFiles
import Providers
import Testing
@testable import Workbench

/// `M-j`: the response schema's JSON in `$EDITOR`, kept only when it is JSON and a schema (the notice says
/// why not, with the place), then saved in the prompt file; an empty text removes it.
@Suite struct SchemaEditTests {
    @Test func theSchemaIsEditedCheckedThenKeptInThePromptFile() {
        var h = WorkbenchHarness(width: 120, height: 30)
        #expect(h.key("M-j") == [.editSchema(text: WorkbenchReducer.schemaTemplate)])
        h.send(.schemaEdited(text: "{\"type\": }", message: nil))
        #expect(h.state.document.base.schema == nil)
        #expect(h.state.notice?.text == "schema not changed: not JSON: unexpected '}' at 1:10 (Alt-J to edit it again)")
        h.send(.schemaEdited(text: #"{"type": "objekt"}"#, message: nil))
        #expect(h.state.notice?.text.hasPrefix(#"schema not changed: not a schema at $.type: "objekt" is not a type"#) == true)
        h.send(.schemaEdited(text: #"{"type": "object", "properties": {"z": {"type": "string"}, "a": {"type": "integer"}}}"#, message: nil))
        #expect(h.state.document.base.schema?.text == #"{"type":"object","properties":{"z":{"type":"string"},"a":{"type":"integer"}}}"#)
        #expect(h.state.prompt.schema?.schema == h.state.document.base.schema)
        #expect(PromptFileWriter.text(of: h.state.promptDocument).contains("schema = '''\n{\n  \"type\": \"object\",\n  \"properties\": {\n    \"z\": {"))
        #expect(h.key("M-j") == [.editSchema(text: h.state.document.base.schema!.text(pretty: true) + "\n")])
        h.send(.schemaEdited(text: "\n", message: nil))
        #expect(h.state.document.base.schema == nil)
        #expect(h.state.notice?.text == "schema removed: answers are no longer asked for or checked as JSON")
    }

    @Test func aSchemaInItsOwnFileIsEditedThere() {
        var h = WorkbenchHarness(width: 120, height: 30)
        h.state.document.base.schemaFile = "ticket.schema.json"
        #expect(h.key("M-j") == [])
        #expect(h.state.notice?.text == "the schema is in ticket.schema.json (schema_file): edit that file; the prompt file reads it when opened")
    }
}
