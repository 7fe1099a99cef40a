import Foundation
import PromptFiles
import Providers
import TerminalUI

extension WorkbenchReducer {
    /// What `$EDITOR` opens for a prompt without a schema: an object to fill in.
    static let schemaTemplate = "{\n  \"type\": \"object\",\n  \"properties\": {\n  },\n  \"required\": []\n}\n"

    /// Opens the schema's JSON in `$EDITOR`; a schema kept in its own file is edited there instead.
    func editSchema(_ state: inout WorkbenchState) -> [Effect] {
        if let file = state.document.base.schemaFile {
            state.notice = Notice("the schema is in \(file) (schema_file): edit that file; the prompt file reads it when opened", level: .info, expiresAt: state.now + 6)
            return []
        }
        let text = state.document.base.schema.map { $0.text(pretty: true) + "\n" } ?? Self.schemaTemplate
        state.overlay = .schemaEditor(TextEditorState(text: text))
        return []
    }

    /// Keys in the schema editor: text keys edit, Ctrl-S keeps the schema when it is one (otherwise the
    /// editor stays open and the notice says why), F4 hands the text to `$EDITOR`, Esc leaves it unchanged.
    func handleSchemaEditorKey(_ press: KeyPress, _ editor: inout TextEditorState, _ state: inout WorkbenchState) -> [Effect] {
        switch press.key {
        case .escape:
            state.overlay = nil
            return []
        case .tab where press.modifiers.isEmpty:
            editor.type("  ")
            return []
        case .char(let c) where press.modifiers.isDisjoint(with: [.ctrl, .alt]):
            editor.type(String(c))
            return []
        default:
            break
        }
        let command = keymap.command(for: press, in: [.editor, .global])
        switch command {
        case .save:
            if case .failure(let problem) = SchemaDraft.check(editor.text) {
                state.notice = Notice("schema not saved: \(problem)", level: .error, expiresAt: state.now + 6)
                return []
            }
            state.overlay = nil
            schemaEdited(editor.text, message: nil, &state)
            return []
        case .openInEditor:
            state.overlay = nil
            return [.editSchema(text: editor.text)]
        case .some(let command):
            EditorCommand.apply(command, to: &editor, page: 10)
            return []
        case nil:
            return []
        }
    }

    /// Keeps an edited schema only when it is JSON and a schema; otherwise the old one stays and the
    /// notice says why, with the place. An empty text removes the schema.
    func schemaEdited(_ text: String?, message: String?, _ state: inout WorkbenchState) {
        guard let text else {
            state.notice = Notice(message ?? "the editor failed: the schema was not changed", level: .error, expiresAt: state.now + 6)
            return
        }
        let again = keymap.hint(for: .editSchema).map { " (\($0) to edit it again)" } ?? ""
        if text.allSatisfy(\.isWhitespace) {
            guard state.document.base.schema != nil else { return }
            state.document.base.schema = nil
            state.document.base.schemaSource = nil
            state.document.casesRevision += 1
            state.notice = Notice("schema removed: answers are no longer asked for or checked as JSON", level: .info, expiresAt: state.now + 6)
            return
        }
        let json: JSON
        do { json = try JSONParser.parse(text) } catch {
            state.notice = Notice("schema not changed: not JSON: \(error.description)\(again)", level: .error, expiresAt: state.now + 8)
            return
        }
        do { _ = try JSONSchema(json) } catch {
            state.notice = Notice("schema not changed: \(error.description)\(again)", level: .error, expiresAt: state.now + 8)
            return
        }
        guard json.text != state.document.base.schema?.text else { return }
        state.document.base.schema = json
        state.document.base.schemaSource = nil
        state.document.casesRevision += 1
        state.notice = Notice("schema saved in the prompt file: the next runs ask for it and check the answer", level: .info, expiresAt: state.now + 5)
    }
}
