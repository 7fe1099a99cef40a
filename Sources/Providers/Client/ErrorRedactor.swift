import Foundation

/// Strips credentials from messages built from provider text before they reach the caller.
///
/// Uses `SecretRedactor` with the endpoint's own key, so both that key and anything key-shaped go.
struct ErrorRedactor: Sendable {
    let redactor: SecretRedactor

    init(apiKey: String?) {
        redactor = SecretRedactor(secrets: apiKey.map { [$0] } ?? [])
    }

    func redact(_ text: String) -> String { redactor.redact(text) }

    func redact(_ error: ProviderError) -> ProviderError {
        var copy = error
        copy.message = redact(error.message)
        if let requestID = error.requestID { copy.requestID = redact(requestID) }
        return copy
    }
}
