import Foundation

/// A response schema as a session records it: its name and its JSON as text, so the key order the
/// user wrote survives (a coded dictionary would not keep it).
struct RecordedSchema: Codable, Equatable {
    var name: String
    var json: String
    /// False when the run only checked against the schema without sending it; left out when true.
    var sent: Bool?

    init(_ schema: ResponseSchema, sent: Bool) {
        name = schema.name
        json = schema.schema.text
        self.sent = sent ? nil : false
    }

    /// The schema again; nil when the recorded text is not JSON (a hand-edited file).
    var responseSchema: ResponseSchema? {
        guard let value = try? JSONParser.parse(json) else { return nil }
        return ResponseSchema(name: name, schema: value)
    }
}
