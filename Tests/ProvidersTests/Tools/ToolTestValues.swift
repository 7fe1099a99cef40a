import Foundation
import Testing
@testable import Providers

/// The tool, request and answerer the tool tests share, and an exact-JSON comparison.
enum ToolTestValues {
    static let weatherSchema = JSON.object([
        ("type", .string("object")),
        ("properties", .object([("city", .object([("type", .string("string"))]))])),
        ("required", .array([.string("city")])),
    ])
    static let weather = ToolDefinition(name: "get_weather", description: "Weather for a city", parameters: weatherSchema)
    static let schemaJSON = #"{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"#

    static func request(_ choice: ToolChoice? = .auto) -> ModelRequest {
        var request = ModelRequest(model: "m", messages: [ChatMessage(role: .user, content: "Weather?")])
        request.tools = [weather]
        request.toolChoice = choice
        return request
    }

    /// Answers every call with `sunny in <city>`.
    struct Sunny: ToolAnswering {
        func answer(_ call: ToolLoop.PendingCall, step: Int) async -> ToolAnswer {
            if case .string(let city)? = call.arguments["city"] { return ToolAnswer(content: "sunny in \(city)") }
            return ToolAnswer(content: "no city", isError: true)
        }
    }

    /// Parses JSON text with Foundation, for comparing shapes regardless of key order.
    static func parsed(_ text: String) -> NSObject? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) as? NSObject
    }

    /// True when `actual` (any JSON value) equals the JSON in `expected`.
    static func same(_ actual: Any?, _ expected: String) -> Bool {
        guard let actual = actual as? NSObject, let expected = parsed(expected) else { return false }
        return actual.isEqual(expected)
    }

    /// Re-serialises a value for a readable failure message.
    static func text(_ value: Any?) -> String {
        guard let value, JSONSerialization.isValidJSONObject(value),
              let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "\(value ?? "nil")" }
        return String(decoding: data, as: UTF8.self)
    }
}
