import Foundation

/// What can be read from an error response body, whichever provider's shape it has.
///
/// Shapes: OpenAI and compatible `{"error":{"message","type","code"}}`, Anthropic
/// `{"type":"error","error":{…},"request_id"}`, Gemini `{"error":{"code","message","status","details":[…]}}`,
/// Ollama `{"error":"…"}`, FastAPI-style `{"detail":"…"}`, or plain text.
struct ProviderErrorBody: Sendable, Equatable {
    var message: String?
    /// The provider's words for the error: type, code, status and detail reasons.
    var labels: [String] = []
    var requestID: String?
    /// Gemini's `RetryInfo.retryDelay`, in seconds.
    var retryDelay: Double?
    /// True when the body was an HTML page (a proxy or load balancer answered, not the API).
    var isHTML = false

    init(message: String? = nil, labels: [String] = [], requestID: String? = nil, retryDelay: Double? = nil, isHTML: Bool = false) {
        self.message = message
        self.labels = labels
        self.requestID = requestID
        self.retryDelay = retryDelay
        self.isHTML = isHTML
    }

    init(parsing body: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("<") {
                isHTML = true
            } else if !text.isEmpty {
                message = text
            }
            return
        }
        requestID = object["request_id"] as? String
        switch object["error"] {
        case let text as String:
            message = text
        case let error as [String: Any]:
            read(error)
        default:
            message = (object["message"] as? String) ?? (object["detail"] as? String)
            if let type = object["type"] as? String, type != "error" { labels.append(type) }
        }
    }

    private mutating func read(_ error: [String: Any]) {
        message = error["message"] as? String
        for key in ["type", "code", "status"] {
            if let text = Self.text(error[key]) { labels.append(text) }
        }
        for detail in error["details"] as? [[String: Any]] ?? [] {
            if let reason = detail["reason"] as? String { labels.append(reason) }
            if let delay = detail["retryDelay"] as? String, let seconds = RetryAfter.seconds(fromDuration: delay) {
                retryDelay = seconds
            }
        }
    }

    /// A string or number field as text (codes are strings at OpenAI, numbers at Gemini and vLLM).
    private static func text(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as Int: String(number)
        case let number as Double: String(number)
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}
