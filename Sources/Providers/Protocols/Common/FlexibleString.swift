import Foundation

/// A JSON field that providers send as a string or as a number (`code` is `"rate_limit"` at OpenAI, `400` at vLLM).
struct FlexibleString: Sendable, Equatable, Decodable {
    var value: String

    init(_ value: String) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = text
        } else if let number = try? container.decode(Int.self) {
            value = String(number)
        } else if let number = try? container.decode(Double.self) {
            value = String(number)
        } else {
            value = String(try container.decode(Bool.self))
        }
    }

    /// The value as an HTTP-like status code, when it is one.
    var statusCode: Int? {
        guard let number = Int(value), (100...599).contains(number) else { return nil }
        return number
    }
}
