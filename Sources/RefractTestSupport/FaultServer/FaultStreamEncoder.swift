/// Writes one protocol's streaming format, event by event, for the fault server.
///
/// Token bytes go into JSON strings verbatim (escaped only where JSON requires), so the `invalid-utf8`
/// mode really puts invalid bytes on the wire.
protocol FaultStreamEncoder {
    var contentType: String { get }
    /// Events before the first token (message_start, response.created ...).
    mutating func start() -> [UInt8]
    mutating func reasoning(_ token: [UInt8]) -> [UInt8]
    mutating func text(_ token: [UInt8]) -> [UInt8]
    /// Finish reason, usage and terminator.
    mutating func finish() -> [UInt8]
    /// The protocol's error-after-200 shape.
    mutating func midstreamError() -> [UInt8]
    /// One event with JSON cut short.
    mutating func malformed() -> [UInt8]
    /// Bytes that close the body's outer syntax whatever the ending (the gemini array's `]`).
    mutating func closing() -> [UInt8]
    /// The body of a non-2xx answer in this protocol's error shape.
    func errorBody(_ error: FaultHTTPError) -> [UInt8]
}

extension FaultStreamEncoder {
    mutating func closing() -> [UInt8] { [] }
}

/// The input token count every fault answer reports.
public enum FaultUsage {
    public static let inputTokens = 11
}

/// An error the fault server answers before any stream, with the words each protocol puts in it.
struct FaultHTTPError {
    var status: Int
    var model: String
    var quota = false
    /// Seconds to put in a body-level retry hint (gemini `retryDelay`).
    var retryDelaySeconds: Double?
    /// Overrides the status-derived message (unknown mode, unknown option).
    var customMessage: String?

    var message: String {
        if let customMessage { return customMessage }
        switch status {
        case 400: return "invalid request (fault server)"
        case 401: return "invalid x-api-key"
        case 403: return "permission denied for model \(model) (fault server)"
        case 404: return "model: \(model) not found (fault server)"
        case 408: return "request timeout (fault server)"
        case 413: return "request too large (fault server)"
        case 429: return quota
            ? "You exceeded your current quota (fault server)"
            : "rate limit exceeded (fault server)"
        case 500: return "internal server error (fault server)"
        case 502: return "bad gateway (fault server)"
        case 503: return "service unavailable (fault server)"
        case 529: return "Overloaded"
        default: return "HTTP \(status) (fault server)"
        }
    }
}
