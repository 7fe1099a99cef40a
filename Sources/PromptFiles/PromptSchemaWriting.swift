import Foundation
import Providers

/// How `schema = …` is written: as it was read while the schema is unchanged (an inline table stays an
/// inline table, JSON text stays JSON text, byte for byte), otherwise as indented JSON text in a
/// `'''` block, one property per line, so a changed property is one changed line in `git diff`.
enum PromptSchemaWriting {
    static func value(of doc: PromptDocument) -> String? {
        guard let schema = doc.schema else { return nil }
        if let source = doc.schemaSource, let read = try? TOMLInlineJSON.read(Substring(source)) {
            var value = read.value
            if case .string(let text) = value, let parsed = try? JSONParser.parse(text) { value = parsed }
            if value.text == schema.text { return source }
        }
        let pretty = schema.text(pretty: true)
        // A literal block keeps JSON's backslashes as they are; one holding ''' needs a basic string.
        guard !pretty.contains("'''") else { return TOMLStringLiteral.render(pretty) }
        return "'''\n" + pretty + "\n'''"
    }
}
