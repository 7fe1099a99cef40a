import Foundation

/// A typed failure from the provider layer, with one line that says what happened and what to do.
///
/// Messages are built from status codes, provider error bodies and our own words; an API key never
/// appears in one (see `SecretRedactor`, applied where errors are built from provider text).
public struct ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; stable strings, used in session files and `--json` output.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        case missingKey = "missing_key"
        case unauthorized
        case forbidden
        case modelNotFound = "model_not_found"
        case rateLimited = "rate_limited"
        case overloaded
        case serverError = "server_error"
        case badRequest = "bad_request"
        case unreachable
        case timeout
        /// The stream ended without its terminator.
        case streamCut = "stream_cut"
        /// The provider sent an error event after the stream had started.
        case streamError = "stream_error"
        case invalidResponse = "invalid_response"
        case cancelled
        case config
        case localModel = "local_model"
        case invalidInput = "invalid_input"
        case other
    }

    public var kind: Kind
    /// One line: what happened, and what to do about it.
    public var message: String
    /// HTTP status, when the failure came with one.
    public var status: Int?
    /// The provider's request id (`request-id`, `x-request-id`), when present.
    public var requestID: String?
    /// Seconds the provider asked us to wait before retrying.
    public var retryAfter: Double?

    public init(kind: Kind, message: String, status: Int? = nil, requestID: String? = nil, retryAfter: Double? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
        self.requestID = requestID
        self.retryAfter = retryAfter
    }

    /// The message with the request id appended, on one line.
    public var description: String {
        var line = message
        if let requestID, !requestID.isEmpty { line += " (request id \(requestID))" }
        return line
    }

    /// Whether the provider layer may try the same request again (before any text was shown).
    public var isRetryable: Bool {
        switch kind {
        case .rateLimited, .overloaded, .serverError, .unreachable, .timeout: true
        default: false
        }
    }
}
