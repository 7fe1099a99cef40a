import Foundation

/// JSON Schema as structured-output APIs accept it: `type` (one or a list, `"null"` among them, or
/// OpenAPI's `nullable: true`), `properties`, `required`, `additionalProperties` (true, false or a schema),
/// `items`, `prefixItems`, `enum`, `const`, `anyOf`/`oneOf`/`allOf`/`not`, `$ref` into `$defs` or
/// `definitions` (recursion allowed), `pattern`, `minimum`/`maximum` (and the exclusive pair),
/// `multipleOf`, `minLength`/`maxLength`, `minItems`/`maxItems`, `uniqueItems`,
/// `minProperties`/`maxProperties`; `format`, `title`, `description` and the like are annotations.
/// Checked when built, so a schema that is not a schema is reported once, with its place, instead of
/// passing every answer.
public struct JSONSchema: Sendable, Equatable {
    public let root: JSON

    static let types: Set<String> = ["null", "boolean", "number", "integer", "string", "array", "object"]
    /// Keywords that describe and never constrain; accepted and ignored. `propertyOrdering` is Gemini's.
    static let annotations: Set<String> = [
        "$schema", "$id", "$anchor", "title", "description", "default", "examples", "example", "$comment", "format",
        "deprecated", "readOnly", "writeOnly", "contentMediaType", "contentEncoding", "propertyOrdering",
    ]
    static let keywords: Set<String> = [
        "type", "nullable", "properties", "required", "additionalProperties", "items", "prefixItems", "enum", "const",
        "anyOf", "oneOf", "allOf", "not", "$ref", "$defs", "definitions", "pattern", "patternProperties",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
    ]

    /// Checks that `root` is a schema this validator understands; the error names the place (`$.properties.age.type`).
    public init(_ root: JSON) throws(JSONSchemaError) {
        try Self.check(root, at: "$", root: root)
        self.root = root
    }

    private static func fail(_ place: String, _ what: String) -> JSONSchemaError { JSONSchemaError("not a schema at \(place): \(what)") }

    private static func check(_ schema: JSON, at place: String, root: JSON) throws(JSONSchemaError) {
        if case .bool = schema { return }
        guard case .object(let pairs) = schema else { throw fail(place, "expected an object, found \(schema.typeName)") }
        for (key, value) in pairs {
            let here = "\(place).\(key)"
            if annotations.contains(key) || key.hasPrefix("x-") { continue }
            guard keywords.contains(key) else {
                throw fail(here, "\(key) is not a keyword this validator knows (\(keywords.sorted().joined(separator: ", ")))")
            }
            switch key {
            case "type":
                let names: [JSON]
                if case .array(let list) = value { names = list } else { names = [value] }
                for name in names {
                    guard case .string(let s) = name, types.contains(s) else {
                        throw fail(here, "\(name.text) is not a type (\(types.sorted().joined(separator: ", ")))")
                    }
                }
            case "nullable", "uniqueItems":
                guard case .bool = value else { throw fail(here, "expected true or false") }
            case "properties", "$defs", "definitions", "patternProperties":
                guard case .object(let props) = value else { throw fail(here, "expected an object of schemas") }
                for (name, sub) in props {
                    if key == "patternProperties", (try? NSRegularExpression(pattern: name)) == nil { throw fail(here, "\(JSON.string(name).text) is not a regular expression") }
                    try check(sub, at: "\(here).\(name)", root: root)
                }
            case "items", "additionalProperties", "not":
                try check(value, at: here, root: root)
            case "prefixItems", "anyOf", "oneOf", "allOf":
                guard case .array(let list) = value, !list.isEmpty else { throw fail(here, "expected a non-empty list of schemas") }
                for (i, sub) in list.enumerated() { try check(sub, at: "\(here)[\(i)]", root: root) }
            case "required":
                guard case .array(let names) = value, names.allSatisfy({ if case .string = $0 { true } else { false } }) else {
                    throw fail(here, "expected a list of property names")
                }
            case "enum":
                guard case .array = value else { throw fail(here, "expected a list of values") }
            case "$ref":
                guard case .string(let ref) = value else { throw fail(here, "expected a reference such as \"#/$defs/item\"") }
                guard resolve(ref, in: root) != nil else { throw fail(here, "\(JSON.string(ref).text) points at nothing in this schema (only references inside it, \"#/…\", are followed)") }
            case "pattern":
                guard case .string(let p) = value, (try? NSRegularExpression(pattern: p)) != nil else { throw fail(here, "expected a regular expression") }
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
                guard case .number = value else { throw fail(here, "expected a number") }
            case "multipleOf":
                guard case .number(let n) = value, n > 0 else { throw fail(here, "expected a number above 0") }
            case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties":
                guard case .number(let n) = value, n >= 0, n.rounded() == n else { throw fail(here, "expected a whole number ≥ 0") }
            default:
                break
            }
        }
    }

    /// The schema a local reference (`#`, `#/$defs/item`, JSON Pointer escapes `~0` `~1`) points at.
    static func resolve(_ ref: String, in root: JSON) -> JSON? {
        guard ref.hasPrefix("#") else { return nil }
        let pointer = ref.dropFirst()
        if pointer.isEmpty { return root }
        guard pointer.hasPrefix("/") else { return nil }
        var node = root
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = (raw.removingPercentEncoding ?? String(raw)).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch node {
            case .object:
                guard let next = node[token] else { return nil }
                node = next
            case .array(let items):
                guard let i = Int(token), items.indices.contains(i) else { return nil }
                node = items[i]
            default:
                return nil
            }
        }
        return node
    }

    /// The first way `value` breaks the schema ("$.priority: \"urgent\" is not one of [\"low\",\"high\"]"), or nil when it conforms.
    public func firstViolation(of value: JSON) -> String? {
        var validation = JSONSchemaValidation(root: root)
        return validation.violation(of: value, schema: root, at: "$")
    }
}
