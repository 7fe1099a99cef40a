import Foundation

/// Chooses a `ProviderError.Kind` from an HTTP status and the provider's own error words.
///
/// The status decides first; a provider word that is more precise (an `overloaded_error` on a 500,
/// an `insufficient_quota` on a 429) refines it.
enum ErrorKindClassifier {
    /// The kind for a non-2xx response.
    static func kind(status: Int, labels: [String]) -> ProviderError.Kind {
        kind(labels: labels) ?? kind(status: status)
    }

    /// The kind an HTTP status alone implies.
    static func kind(status: Int) -> ProviderError.Kind {
        switch status {
        case 401: .unauthorized
        case 402, 403: .forbidden
        case 404: .modelNotFound
        case 408, 409: .serverError
        case 429: .rateLimited
        case 503, 529: .overloaded
        case 500...599: .serverError
        case 400...499: .badRequest
        default: .other
        }
    }

    /// The kind the provider's words imply, when they say something more precise than a status.
    static func kind(labels: [String]) -> ProviderError.Kind? {
        for label in labels.map({ $0.lowercased() }) {
            switch label {
            case "overloaded_error", "overloaded", "unavailable":
                return .overloaded
            case "rate_limit_error", "rate_limit_exceeded", "resource_exhausted", "too_many_requests":
                return .rateLimited
            case "insufficient_quota", "billing_error", "billing_not_active":
                return .forbidden
            case "authentication_error", "invalid_api_key", "api_key_invalid", "unauthenticated":
                return .unauthorized
            case "permission_error", "permission_denied":
                return .forbidden
            default:
                continue
            }
        }
        return nil
    }

    /// The kind for an error event inside a stream that had started.
    static func streamKind(labels: [String], impliedStatus: Int?) -> ProviderError.Kind {
        if let kind = kind(labels: labels), kind == .overloaded || kind == .rateLimited || kind == .forbidden {
            return kind
        }
        switch impliedStatus {
        case 429: return .rateLimited
        case 503, 529: return .overloaded
        default: return .streamError
        }
    }
}
