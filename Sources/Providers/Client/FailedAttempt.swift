import Foundation

/// One failed try at a request, as `RetryPolicy` needs to see it.
public struct FailedAttempt: Sendable, Equatable {
    /// How far the exchange got before it failed.
    public enum Stage: Sendable, Equatable {
        /// No response byte arrived (refused, reset, DNS, connect or head timeout).
        case beforeResponse
        /// A non-2xx response: status, headers and (part of) the error body are known.
        case errorResponse
        /// A 2xx response had started; the answer may already be on screen.
        case midStream
    }

    public var stage: Stage
    /// The typed error (status, provider `retryDelay` in `retryAfter`).
    public var error: ProviderError
    /// Response headers (`retry-after`, `retry-after-ms`, `x-should-retry`); empty before a response.
    public var headers: HeaderFields
    /// The error body as read (at most 64 KB).
    public var body: Data
    /// True once any text or reasoning part was yielded to the caller.
    public var contentShown: Bool

    public init(
        stage: Stage, error: ProviderError, headers: HeaderFields = [:], body: Data = Data(), contentShown: Bool = false
    ) {
        self.stage = stage
        self.error = error
        self.headers = headers
        self.body = body
        self.contentShown = contentShown
    }
}
