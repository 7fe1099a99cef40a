import Foundation

/// What every protocol's tool encoding shares: JSON values for schemas and arguments, and grouping
/// the tool-result turns that answer one assistant turn.
enum ToolWire {
    /// A `JSON` value as the wire encoder writes it (keys sorted by the body encoder, whole numbers without a fraction).
    static func value(_ json: JSON) -> JSONValue {
        switch json {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let d): d.rounded() == d && abs(d) < 1e15 ? .integer(Int(d)) : .number(d)
        case .string(let s): .string(s)
        case .array(let items): .array(items.map(value))
        case .object(let pairs): .object(Dictionary(pairs.map { ($0.key, value($0.value)) }, uniquingKeysWith: { _, last in last }))
        }
    }

    /// Where tool `index`'s parameters schema goes; `SchemaSplice` puts the schema there with its key order.
    static func parametersPlaceholder(_ index: Int) -> JSONValue { .string(SchemaSplice.toolToken(index)) }

    /// A call's arguments as an object, for protocols that send them as JSON rather than text
    /// (Anthropic `input`, Gemini `args`, Ollama `arguments`): text that is not an object becomes `{}`,
    /// because the loop already answered such a call with an error result.
    static func argumentsObject(_ text: String) -> JSONValue {
        guard let parsed = try? JSONParser.parse(text), case .object = parsed else { return .object([:]) }
        return value(parsed)
    }

    /// A tool result as an object, for Gemini's `functionResponse.response`: the text under `result`.
    static func resultObject(_ text: String) -> JSONValue { .object(["result": .string(text)]) }
}
