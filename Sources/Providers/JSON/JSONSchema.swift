import Foundation

/// The commonly used subset of JSON Schema: `type` (one or a list), `properties`, `required`, `items`,
/// `enum`, `const`, `minimum`/`maximum` (and the exclusive pair), `minLength`/`maxLength`,
/// `minItems`/`maxItems`, `additionalProperties: false`. Checked when built, so a schema that is not a
/// schema is reported once, with its place, instead of passing every answer.
public struct JSONSchema: Sendable, Equatable {
    public let root: JSON

    static let types: Set<String> = ["null", "boolean", "number", "integer", "string", "array", "object"]
    /// Keywords that describe and never constrain; accepted and ignored.
    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "default", "examples", "$comment", "format"]
    static let keywords: Set<String> = [
        "type", "properties", "required", "items", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "maxLength", "minItems", "maxItems", "additionalProperties",
    ]

    /// Checks that `root` is a schema this subset understands; the error names the place (`$.properties.age.type`).
    public init(_ root: JSON) throws(JSONSchemaError) {
        try Self.check(root, at: "$")
        self.root = root
    }

    private static func check(_ schema: JSON, at place: String) throws(JSONSchemaError) {
        if case .bool = schema { return }
        guard case .object(let pairs) = schema else { throw JSONSchemaError("not a schema at \(place): expected an object, found \(schema.typeName)") }
        for (key, value) in pairs {
            let here = "\(place).\(key)"
            if annotations.contains(key) { continue }
            guard keywords.contains(key) else {
                throw JSONSchemaError("not a schema at \(here): \(key) is not a keyword this check knows (\(keywords.sorted().joined(separator: ", ")))")
            }
            switch key {
            case "type":
                let names: [JSON]
                if case .array(let list) = value { names = list } else { names = [value] }
                for name in names {
                    guard case .string(let s) = name, types.contains(s) else {
                        throw JSONSchemaError("not a schema at \(here): \(name.text) is not a type (\(types.sorted().joined(separator: ", ")))")
                    }
                }
            case "properties":
                guard case .object(let props) = value else { throw JSONSchemaError("not a schema at \(here): expected an object of schemas") }
                for (name, sub) in props { try check(sub, at: "\(here).\(name)") }
            case "items", "additionalProperties":
                try check(value, at: here)
            case "required":
                guard case .array(let names) = value, names.allSatisfy({ if case .string = $0 { true } else { false } }) else {
                    throw JSONSchemaError("not a schema at \(here): expected a list of property names")
                }
            case "enum":
                guard case .array = value else { throw JSONSchemaError("not a schema at \(here): expected a list of values") }
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
                guard case .number = value else { throw JSONSchemaError("not a schema at \(here): expected a number") }
            case "minLength", "maxLength", "minItems", "maxItems":
                guard case .number(let n) = value, n >= 0, n.rounded() == n else { throw JSONSchemaError("not a schema at \(here): expected a whole number ≥ 0") }
            default:
                break
            }
        }
    }

    /// The first way `value` breaks the schema ("$.priority: \"urgent\" is not one of [\"low\",\"high\"]"), or nil when it conforms.
    public func firstViolation(of value: JSON) -> String? { Self.violation(of: value, schema: root, at: "$") }

    private static func violation(of value: JSON, schema: JSON, at place: String) -> String? {
        if case .bool(let allowed) = schema { return allowed ? nil : "\(place): not allowed" }
        if let type = schema["type"] {
            let names: [String]
            if case .array(let list) = type { names = list.map(\.plainText) } else { names = [type.plainText] }
            let actual = value.typeName
            let fits = names.contains(actual) || (actual == "integer" && names.contains("number"))
            if !fits { return "\(place): expected \(names.joined(separator: " or ")), found \(actual)" }
        }
        if let c = schema["const"], c != value { return "\(place): expected \(c.text), found \(value.text)" }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            return "\(place): \(value.text) is not one of \(JSON.array(options).text)"
        }
        switch value {
        case .number(let n):
            if case .number(let min)? = schema["minimum"], n < min { return "\(place): \(value.text) is below the minimum \(JSON.number(min).text)" }
            if case .number(let max)? = schema["maximum"], n > max { return "\(place): \(value.text) is above the maximum \(JSON.number(max).text)" }
            if case .number(let min)? = schema["exclusiveMinimum"], n <= min { return "\(place): \(value.text) is not above \(JSON.number(min).text)" }
            if case .number(let max)? = schema["exclusiveMaximum"], n >= max { return "\(place): \(value.text) is not below \(JSON.number(max).text)" }
        case .string(let s):
            let count = s.count
            if case .number(let min)? = schema["minLength"], Double(count) < min { return "\(place): \(count) characters, fewer than \(Int(min))" }
            if case .number(let max)? = schema["maxLength"], Double(count) > max { return "\(place): \(count) characters, more than \(Int(max))" }
        case .array(let items):
            if case .number(let min)? = schema["minItems"], Double(items.count) < min { return "\(place): \(items.count) items, fewer than \(Int(min))" }
            if case .number(let max)? = schema["maxItems"], Double(items.count) > max { return "\(place): \(items.count) items, more than \(Int(max))" }
            if let itemSchema = schema["items"] {
                for (i, item) in items.enumerated() {
                    if let v = violation(of: item, schema: itemSchema, at: "\(place)[\(i)]") { return v }
                }
            }
        case .object(let pairs):
            if case .array(let required)? = schema["required"] {
                for name in required.map(\.plainText) where value[name] == nil { return "\(place): no property \(name) (required)" }
            }
            let properties = schema["properties"]
            for (key, sub) in pairs {
                if let propSchema = properties?[key] {
                    if let v = violation(of: sub, schema: propSchema, at: "\(place).\(key)") { return v }
                } else if let extra = schema["additionalProperties"] {
                    if case .bool(false) = extra { return "\(place): property \(key) is not allowed (additionalProperties is false)" }
                    if let v = violation(of: sub, schema: extra, at: "\(place).\(key)") { return v }
                }
            }
        default:
            break
        }
        return nil
    }
}
