import Foundation
import Platform
import Providers

/// Reads a JSON schema file (`schema_file = "…"` in a prompt file, `--schema FILE` on the command line)
/// and checks it, so a bad schema is one line naming the file before anything is sent.
public enum SchemaFileLoader {
    /// The schema in `path` (relative to `folder` when given and the path is not absolute).
    /// - Parameter mention: where the path was written, for a missing file (`x.refract.toml:4:1: schema_file`).
    public static func load(_ path: String, relativeTo folder: URL? = nil, mention: String? = nil) throws(PromptFileError) -> JSON {
        let url = path.hasPrefix("/") || folder == nil ? URL(fileURLWithPath: path) : folder!.appendingPathComponent(path)
        let shown = url.path
        guard let data = FileManager.default.contents(atPath: shown) else {
            let exists = FileManager.default.fileExists(atPath: shown)
            let what = exists ? "cannot be read (a folder, or check its permissions)" : "no such file"
            if let mention { throw PromptFileError(file: mention, message: "\(shown): \(what)") }
            throw PromptFileError(file: shown, message: what)
        }
        guard data.count <= PromptFileStore.maximumBytes, let text = String(data: data, encoding: .utf8) else {
            throw PromptFileError(file: shown, message: "not a JSON schema file (not UTF-8 text, or over 10 MB)")
        }
        let json: JSON
        do { json = try JSONParser.parse(text) } catch {
            throw PromptFileError(file: shown, line: error.line, column: error.column, message: "not JSON: \(error.message)")
        }
        do { _ = try JSONSchema(json) } catch { throw PromptFileError(file: shown, message: error.description) }
        return json
    }

    /// `document` with the schema its `schema_file` names read in (from the prompt file's folder).
    static func resolve(_ document: inout PromptDocument, promptFile: URL, text: String) throws(PromptFileError) {
        guard let path = document.schemaFile else { return }
        let place = TOMLKeyLocator(source: text).position(of: "schema_file", inTable: [])
        let mention = promptFile.path + (place.map { ":\($0.line):\($0.column): schema_file" } ?? ": schema_file")
        document.schema = try load(path, relativeTo: promptFile.deletingLastPathComponent(), mention: mention)
    }
}
