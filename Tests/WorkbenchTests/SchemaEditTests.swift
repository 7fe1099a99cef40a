import Foundation
import PromptFiles
import Providers
import TerminalUI
import Testing
@testable import Workbench

/// Alt-J: the response schema's JSON in an overlay editor that says as it is typed whether the text is a
/// schema yet (or the first problem, with its place); Ctrl-S keeps it in the prompt file only when it is
/// one; F4 hands it to `$EDITOR`, whose result is checked the same way; an empty text removes the schema.
@Suite struct SchemaEditTests {
    func editorText(_ h: WorkbenchHarness) -> String? {
        if case .schemaEditor(let editor) = h.state.overlay { return editor.text }
        return nil
    }

    @Test func theOverlayChecksAsItIsTypedAndSavesOnlyASchema() {
        var h = WorkbenchHarness(width: 100, height: 30)
        #expect(h.key("M-j") == [])
        #expect(editorText(h) == WorkbenchReducer.schemaTemplate)
        let top = h.render().lines.first { $0.contains("Response schema (JSON)") } ?? ""
        #expect(top.contains("save · Esc cancel"), "\(top)")
        #expect(h.render().lines.contains { $0.contains("a schema ✓") })
        h.state.overlay = .schemaEditor(TextEditorState(text: "{\"type\": }"))
        #expect(h.render().lines.contains { $0.contains("✗ not JSON: unexpected '}' at 1:10") })
        h.key("C-s")
        #expect(editorText(h) == "{\"type\": }", "stays open")
        #expect(h.state.notice?.text == "schema not saved: not JSON: unexpected '}' at 1:10")
        #expect(h.state.document.base.schema == nil)
        h.state.overlay = .schemaEditor(TextEditorState(text: #"{"type": "objekt"}"#))
        #expect(h.render().lines.contains { $0.contains(#"✗ not a schema at $.type: "objekt" is not a type"#) })
        // Typing goes into the text: `{"type": "object"}` once the k is gone.
        h.state.overlay = .schemaEditor(TextEditorState(text: #"{"type": "object", "properties": {"z": {"type": "string"}, "a": {"type": "integer"}}}"#))
        h.type(" ")
        h.key("C-s")
        #expect(h.state.overlay.map { _ in true } == nil)
        #expect(h.state.document.base.schema?.text == #"{"type":"object","properties":{"z":{"type":"string"},"a":{"type":"integer"}}}"#)
        #expect(h.state.prompt.schema?.schema == h.state.document.base.schema)
        #expect(PromptFileWriter.text(of: h.state.promptDocument).contains("schema = '''\n{\n  \"type\": \"object\",\n  \"properties\": {\n    \"z\": {"))
        #expect(h.state.notice?.text == "schema saved in the prompt file: the next runs ask for it and check the answer")
        h.key("M-j")
        #expect(editorText(h) == h.state.document.base.schema!.text(pretty: true) + "\n")
        #expect(h.key("F4") == [.editSchema(text: h.state.document.base.schema!.text(pretty: true) + "\n")])
        #expect(h.state.overlay.map { _ in true } == nil)
    }

    @Test func whatComesBackFromTheEditorIsCheckedTheSameWay() {
        var h = WorkbenchHarness(width: 100, height: 30)
        h.send(.schemaEdited(text: "{\"type\": }", message: nil))
        #expect(h.state.document.base.schema == nil)
        #expect(h.state.notice?.text == "schema not changed: not JSON: unexpected '}' at 1:10 (Alt-J to edit it again)")
        h.send(.schemaEdited(text: #"{"type": "string"}"#, message: nil))
        #expect(h.state.document.base.schema?.text == #"{"type":"string"}"#)
        h.send(.schemaEdited(text: "\n", message: nil))
        #expect(h.state.document.base.schema == nil)
        #expect(h.state.notice?.text == "schema removed: answers are no longer asked for or checked as JSON")
    }

    @Test func aSchemaInItsOwnFileIsEditedThere() {
        var h = WorkbenchHarness(width: 120, height: 30)
        h.state.document.base.schemaFile = "ticket.schema.json"
        #expect(h.key("M-j") == [])
        #expect(h.state.overlay.map { _ in true } == nil)
        #expect(h.state.notice?.text == "the schema is in ticket.schema.json (schema_file): edit that file; the prompt file reads it when opened")
    }
}
