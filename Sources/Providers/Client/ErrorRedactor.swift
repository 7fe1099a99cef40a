import Foundation

/// Strips credentials from messages built from provider text before they reach the caller.
///
/// Removes the endpoint's own key wherever it appears.
// TODO(redact): also run messages through the wire branch's `SecretRedactor` once it is merged.
struct ErrorRedactor: Sendable {
    let apiKey: String?

    func redact(_ text: String) -> String {
        guard let apiKey, apiKey.count >= 4 else { return text }
        return text.replacingOccurrences(of: apiKey, with: "[REDACTED]")
    }

    func redact(_ error: ProviderError) -> ProviderError {
        var copy = error
        copy.message = redact(error.message)
        if let requestID = error.requestID { copy.requestID = redact(requestID) }
        return copy
    }
}
