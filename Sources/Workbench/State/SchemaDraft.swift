import Foundation
import Providers

/// A schema as it is being typed: whether its text is a schema yet, and if not the first problem with
/// its place (`not JSON: unexpected '}' at 3:5`, `not a schema at $.type: …`). Empty removes the schema.
enum SchemaDraft {
    static func check(_ text: String) -> Result<JSON?, SchemaProblem> {
        if text.allSatisfy(\.isWhitespace) { return .success(nil) }
        let json: JSON
        do { json = try JSONParser.parse(text) } catch { return .failure(SchemaProblem(text: "not JSON: \(error.description)")) }
        do { _ = try JSONSchema(json) } catch { return .failure(SchemaProblem(text: error.description)) }
        return .success(json)
    }
}

/// Why a draft is not a schema, as one line.
struct SchemaProblem: Error, Equatable, CustomStringConvertible {
    var text: String
    var description: String { text }
}
