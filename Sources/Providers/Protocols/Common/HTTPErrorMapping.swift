import Foundation

/// Builds the typed error for a non-2xx response: the kind, one line saying what to do, the
/// provider's own message, the request id and how long to wait.
struct HTTPErrorMapping: Sendable {
    /// How the provider is named in messages ("Anthropic", "the server").
    var providerName: String
    /// Where the user's key comes from, for the 401 message ("ANTHROPIC_API_KEY").
    var keyHint: String
    /// What to do when the model is unknown; `%@` is replaced with the model id.
    var modelNotFoundAdvice = "run `refract models` to list the models it serves"

    func error(status: Int, headers: HeaderFields, body: Data, model: String, now: Date = Date()) -> ProviderError {
        let parsed = ProviderErrorBody(parsing: body)
        let kind = ErrorKindClassifier.kind(status: status, labels: parsed.labels)
        let retryAfter = RetryAfter.seconds(from: headers, now: now) ?? parsed.retryDelay
        var line = summary(kind: kind, status: status, model: model, retryAfter: retryAfter)
        if let said = parsed.message.map({ ProviderText.oneLine($0) }), !said.isEmpty {
            line += " (\(providerName) said: \(said))"
        } else if parsed.isHTML {
            line += " (the answer was an HTML page, not the API: check the base URL)"
        }
        let requestID = headers["request-id"] ?? headers["x-request-id"] ?? parsed.requestID
        return ProviderError(kind: kind, message: line, status: status, requestID: requestID, retryAfter: retryAfter)
    }

    private func summary(kind: ProviderError.Kind, status: Int, model: String, retryAfter: Double?) -> String {
        // Clamped: Int() traps on huge values and a provider may send any number.
        let wait = retryAfter.map { "wait \(Int(min($0, 1e9).rounded(.up))) s" } ?? "wait"
        switch kind {
        case .unauthorized:
            return "the API key was rejected: check \(keyHint)"
        case .forbidden:
            return "\(providerName) refused the request (HTTP \(status)): check the key's permissions, plan and billing"
        case .modelNotFound:
            let advice = modelNotFoundAdvice.replacingOccurrences(of: "%@", with: model)
            return "model '\(model)' was not found (HTTP \(status)): \(advice); also check the base URL"
        case .rateLimited:
            return "\(providerName) rate-limited the request (HTTP \(status)): \(wait) and try again"
        case .overloaded:
            return "\(providerName) is overloaded (HTTP \(status)): try again in a moment"
        case .serverError:
            return "\(providerName) failed with a server error (HTTP \(status)): try again"
        case .badRequest:
            return "\(providerName) rejected the request (HTTP \(status)): check the model and parameters"
        default:
            return "\(providerName) answered HTTP \(status)"
        }
    }
}
