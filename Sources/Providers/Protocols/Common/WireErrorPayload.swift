import Foundation

/// An error object as providers put it in a stream or body: `{"type","code","message","status"}`, or just a string (Ollama).
struct WireErrorPayload: Sendable, Equatable, Decodable {
    var message: String?
    var type: String?
    var code: FlexibleString?
    /// Gemini's status word (`UNAVAILABLE`, `RESOURCE_EXHAUSTED`).
    var status: String?
    /// Groq's HTTP-like status inside a stream error.
    var statusCode: Int?

    init(message: String? = nil, type: String? = nil, code: FlexibleString? = nil, status: String? = nil, statusCode: Int? = nil) {
        self.message = message
        self.type = type
        self.code = code
        self.status = status
        self.statusCode = statusCode
    }

    enum CodingKeys: String, CodingKey {
        case message, type, code, status
        case statusCode = "status_code"
    }

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(message: text)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            message: c.lenient(String.self, .message),
            type: c.lenient(String.self, .type),
            code: c.lenient(FlexibleString.self, .code),
            status: c.lenient(String.self, .status),
            statusCode: c.lenient(Int.self, .statusCode)
        )
    }

    /// Words that name the error (type, code, status), for classifying it.
    var labels: [String] {
        [type, code?.value, status].compactMap { $0 }
    }

    /// The HTTP-like status the provider gave inside the stream, if any.
    var impliedStatus: Int? {
        statusCode ?? code?.statusCode
    }

    /// A short label for the message: the type, code or status word (a bare number says nothing more).
    var label: String? {
        labels.first { !$0.isEmpty && Int($0) == nil }
    }
}

/// A JSON object with an `error` member, the shape of most in-stream error events.
struct WireErrorEnvelope: Sendable, Decodable {
    var error: WireErrorPayload?
}
