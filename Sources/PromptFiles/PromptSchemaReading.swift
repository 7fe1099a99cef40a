import Foundation
import Platform
import Providers
import TOMLKit

/// Reads a prompt file's `schema` (an inline table or JSON text) and `schema_file` keys: the schema in
/// the order it was written, the value's source text (written back as it was while unchanged), and a
/// `file:line:column` error for a schema that is not JSON or not a schema.
struct PromptSchemaReading {
    let file: String
    let source: String
    let locator: TOMLKeyLocator

    struct Result {
        var schema: JSON?
        var source: String?
        var file: String?
    }

    private func fail(_ key: String, _ message: String) -> PromptFileError {
        let place = locator.position(of: key, inTable: [])
        return PromptFileError(file: file, line: place?.line, column: place?.column, message: "\(key): \(message)")
    }

    func read(_ root: TOMLTable) throws(PromptFileError) -> Result {
        var result = Result()
        if let v = root["schema_file"] {
            guard let path = v.string, !path.isEmpty else { throw fail("schema_file", "expected the path of a JSON schema file, relative to this file") }
            result.file = path
        }
        guard root["schema"] != nil else { return result }
        guard result.file == nil else { throw fail("schema", "both schema and schema_file are given: keep one") }
        if root["schema"]?.table != nil, let entry = locator.entries.first(where: { $0.path == ["schema"] }), entry.isHeader {
            throw PromptFileError(file: file, line: entry.line, column: entry.column, message: "schema: a [schema] table loses the order of its keys: write it inline (schema = { type = \"object\", … }), as JSON text (schema = '''{…}'''), or in a file (schema_file = \"…\")")
        }
        guard let text = valueText() else { throw fail("schema", "expected an inline table or JSON text") }
        let value: JSON
        let written: String
        do { (value, written) = try TOMLInlineJSON.read(text) } catch { throw fail("schema", error.message) }
        var schema = value
        if case .string(let json) = value {
            do { schema = try JSONParser.parse(json) } catch { throw fail("schema", "not JSON: \(error.description)") }
        }
        do { _ = try JSONSchema(schema) } catch { throw fail("schema", error.description) }
        result.schema = schema
        result.source = written
        return result
    }

    /// The source after `schema =`, to the end of the file.
    private func valueText() -> Substring? {
        guard let place = locator.position(of: "schema", inTable: []) else { return nil }
        var lineStart = source.startIndex
        for _ in 1..<place.line {
            guard let newline = source[lineStart...].firstIndex(of: "\n") else { return nil }
            lineStart = source.index(after: newline)
        }
        let keyStart = source.index(lineStart, offsetBy: place.column - 1, limitedBy: source.endIndex) ?? source.endIndex
        guard let eq = source[keyStart...].firstIndex(of: "=") else { return nil }
        return source[source.index(after: eq)...].drop { $0 == " " || $0 == "\t" }
    }
}

extension PromptSchemaReading {
    /// The `ResponseSchema` name: the schema's `title` made into `[a-zA-Z0-9_-]` (OpenAI's rule), or "answer".
    static func name(for schema: JSON) -> String {
        guard case .string(let title)? = schema["title"] else { return "answer" }
        let cleaned = String(title.unicodeScalars.map { c -> Character in
            (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))) || c == "-" || c == "_" ? Character(c) : "_"
        }.prefix(64))
        return cleaned.allSatisfy { $0 == "_" } ? "answer" : cleaned
    }
}
