import Foundation
import PromptFiles
import Providers

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
        return [.editSchema(text: text)]
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
