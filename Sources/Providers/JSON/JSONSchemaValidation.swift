import Foundation

/// One validation of a value against a checked schema (`JSONSchema`): the first violation, with its JSON path.
struct JSONSchemaValidation {
    let root: JSON
    /// References followed without descending into the value; a schema that only refers to itself
    /// (`{"$ref": "#"}`) would otherwise loop.
    private var refDepth = 0
    static let maxRefDepth = 64

    init(root: JSON) { self.root = root }

    mutating func violation(of value: JSON, schema: JSON, at place: String) -> String? {
        if case .bool(let allowed) = schema { return allowed ? nil : "\(place): not allowed here (the schema is false)" }
        if case .string(let ref)? = schema["$ref"], let target = JSONSchema.resolve(ref, in: root) {
            guard refDepth < Self.maxRefDepth else { return "\(place): the schema's references go round in a circle (\(ref))" }
            refDepth += 1
            let v = violation(of: value, schema: target, at: place)
            refDepth -= 1
            if let v { return v }
        }
        let saved = refDepth
        refDepth = 0
        defer { refDepth = saved }
        if case .bool(true)? = schema["nullable"], value == .null { return nil }
        if let type = schema["type"] {
            var names: [String]
            if case .array(let list) = type { names = list.map(\.plainText) } else { names = [type.plainText] }
            if case .bool(true)? = schema["nullable"] { names.append("null") }
            let actual = value.typeName
            let fits = names.contains(actual) || (actual == "integer" && names.contains("number"))
            if !fits { return "\(place): expected \(names.joined(separator: " or ")), found \(actual)" }
        }
        if let c = schema["const"], c != value { return "\(place): expected \(c.text), found \(Self.short(value))" }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            return "\(place): \(Self.short(value)) is not one of \(JSON.array(options).text)"
        }
        if let v = combinators(value, schema, place) { return v }
        switch value {
        case .number(let n): return number(n, value, schema, place)
        case .string(let s): return string(s, schema, place)
        case .array(let items): return array(items, schema, place)
        case .object(let pairs): return object(pairs, value, schema, place)
        default: return nil
        }
    }

    private mutating func combinators(_ value: JSON, _ schema: JSON, _ place: String) -> String? {
        if case .array(let all)? = schema["allOf"] {
            for sub in all { if let v = violation(of: value, schema: sub, at: place) { return v } }
        }
        if case .array(let any)? = schema["anyOf"] {
            var first: String?
            for sub in any {
                guard let v = violation(of: value, schema: sub, at: place) else { first = nil; break }
                if first == nil { first = v }
            }
            if let first { return "\(place): matches none of the \(any.count) anyOf schemas (the first says: \(first))" }
        }
        if case .array(let one)? = schema["oneOf"] {
            var matches = 0
            var first: String?
            for sub in one {
                if let v = violation(of: value, schema: sub, at: place) { first = first ?? v } else { matches += 1 }
            }
            if matches == 0, let first { return "\(place): matches none of the \(one.count) oneOf schemas (the first says: \(first))" }
            if matches > 1 { return "\(place): matches \(matches) of the oneOf schemas, not exactly one" }
        }
        if let not = schema["not"], violation(of: value, schema: not, at: place) == nil { return "\(place): matches the schema under not" }
        return nil
    }

    private func number(_ n: Double, _ value: JSON, _ schema: JSON, _ place: String) -> String? {
        if case .number(let min)? = schema["minimum"], n < min { return "\(place): \(value.text) is below the minimum \(JSON.number(min).text)" }
        if case .number(let max)? = schema["maximum"], n > max { return "\(place): \(value.text) is above the maximum \(JSON.number(max).text)" }
        if case .number(let min)? = schema["exclusiveMinimum"], n <= min { return "\(place): \(value.text) is not above \(JSON.number(min).text)" }
        if case .number(let max)? = schema["exclusiveMaximum"], n >= max { return "\(place): \(value.text) is not below \(JSON.number(max).text)" }
        if case .number(let m)? = schema["multipleOf"] {
            let q = n / m
            if abs(q - q.rounded()) > 1e-9 { return "\(place): \(value.text) is not a multiple of \(JSON.number(m).text)" }
        }
        return nil
    }

    private func string(_ s: String, _ schema: JSON, _ place: String) -> String? {
        let count = s.count
        if case .number(let min)? = schema["minLength"], Double(count) < min { return "\(place): \(count) characters, fewer than \(Int(min))" }
        if case .number(let max)? = schema["maxLength"], Double(count) > max { return "\(place): \(count) characters, more than \(Int(max))" }
        if case .string(let pattern)? = schema["pattern"], !Self.matches(pattern, s) {
            return "\(place): \(Self.short(.string(s))) does not match the pattern \(JSON.string(pattern).text)"
        }
        return nil
    }

    private mutating func array(_ items: [JSON], _ schema: JSON, _ place: String) -> String? {
        if case .number(let min)? = schema["minItems"], Double(items.count) < min { return "\(place): \(items.count) items, fewer than \(Int(min))" }
        if case .number(let max)? = schema["maxItems"], Double(items.count) > max { return "\(place): \(items.count) items, more than \(Int(max))" }
        if case .bool(true)? = schema["uniqueItems"] {
            for i in items.indices { for j in items.indices where j > i && items[i] == items[j] { return "\(place)[\(j)]: the same as item \(i) (uniqueItems)" } }
        }
        var prefix = 0
        if case .array(let schemas)? = schema["prefixItems"] {
            prefix = schemas.count
            for (i, sub) in zip(items.indices, schemas) {
                if let v = violation(of: items[i], schema: sub, at: "\(place)[\(i)]") { return v }
            }
        }
        if let itemSchema = schema["items"] {
            for i in items.indices where i >= prefix {
                if let v = violation(of: items[i], schema: itemSchema, at: "\(place)[\(i)]") { return v }
            }
        }
        return nil
    }

    private mutating func object(_ pairs: [(key: String, value: JSON)], _ value: JSON, _ schema: JSON, _ place: String) -> String? {
        if case .array(let required)? = schema["required"] {
            for name in required.map(\.plainText) where value[name] == nil { return "\(place): no property \(name) (required)" }
        }
        if case .number(let min)? = schema["minProperties"], Double(pairs.count) < min { return "\(place): \(pairs.count) properties, fewer than \(Int(min))" }
        if case .number(let max)? = schema["maxProperties"], Double(pairs.count) > max { return "\(place): \(pairs.count) properties, more than \(Int(max))" }
        let properties = schema["properties"]
        var patterns: [(String, JSON)] = []
        if case .object(let list)? = schema["patternProperties"] { patterns = list.map { ($0.key, $0.value) } }
        for (key, sub) in pairs {
            let here = Self.path(place, key)
            var known = false
            if let propSchema = properties?[key] {
                known = true
                if let v = violation(of: sub, schema: propSchema, at: here) { return v }
            }
            for (pattern, patternSchema) in patterns where Self.matches(pattern, key) {
                known = true
                if let v = violation(of: sub, schema: patternSchema, at: here) { return v }
            }
            if !known, let extra = schema["additionalProperties"] {
                if case .bool(false) = extra { return "\(place): property \(key) is not allowed (additionalProperties is false)" }
                if let v = violation(of: sub, schema: extra, at: here) { return v }
            }
        }
        return nil
    }

    /// `$.name`, or `$["two words"]` for a key that is not a plain name.
    static func path(_ place: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !(key.first?.isNumber ?? true)
        return plain ? "\(place).\(key)" : "\(place)[\(JSON.string(key).text)]"
    }

    /// A value for a message: its JSON text, cut after 60 characters.
    static func short(_ value: JSON) -> String {
        let text = value.text
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    /// JSON Schema patterns are not anchored: a match anywhere counts.
    static func matches(_ pattern: String, _ s: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return true }
        return regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}
