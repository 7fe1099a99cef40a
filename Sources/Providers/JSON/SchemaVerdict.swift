import Foundation

/// Whether an answer follows its response schema: valid, or the first violation with its JSON path
/// (`$.priority: "urgent" is not one of ["low","high"]`) or why it is not JSON at all.
public struct SchemaVerdict: Sendable, Equatable, Codable {
    public var valid: Bool
    /// The first violation; nil when valid.
    public var violation: String?

    public init(valid: Bool, violation: String? = nil) {
        self.valid = valid
        self.violation = valid ? nil : violation
    }

    public static let valid = SchemaVerdict(valid: true)

    /// Checks a whole answer: it must be one JSON value (surrounding whitespace allowed) that fits `schema`.
    public static func check(_ answer: String, against schema: JSON) -> SchemaVerdict {
        let checked: JSONSchema
        do { checked = try JSONSchema(schema) } catch { return SchemaVerdict(valid: false, violation: error.description) }
        guard !answer.allSatisfy(\.isWhitespace) else { return SchemaVerdict(valid: false, violation: "not JSON: the answer is empty") }
        let value: JSON
        do { value = try JSONParser.parse(answer) } catch { return SchemaVerdict(valid: false, violation: "not JSON: \(error.description)") }
        guard let violation = checked.firstViolation(of: value) else { return .valid }
        return SchemaVerdict(valid: false, violation: violation)
    }

    /// One line for people: `valid`, or the violation.
    public var summary: String { valid ? "valid" : (violation ?? "invalid") }
}
