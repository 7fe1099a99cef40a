import Foundation

/// Sends one HTTP request and hands back the head and a streamed body. The only network I/O providers do.
///
/// Implementations honour `readTimeout` (seconds without a byte, head included), map every failure to a
/// `ProviderError` that never contains credentials, and close the connection when the consuming task is
/// cancelled or the body is abandoned.
public protocol HTTPTransport: Sendable {
    /// Sends `request`; returns once the response head has arrived.
    func send(_ request: HTTPRequestSpec, readTimeout: Double) async throws(ProviderError) -> HTTPResponse
}
