import AsyncHTTPClient
import Foundation
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Turns whatever the HTTP stack threw into a one-line `ProviderError` that says what to do.
///
/// Messages name the host and port, never the URL's query or any header, so no credential can leak.
enum TransportErrorTranslator {
    /// Where in the exchange the failure happened.
    enum Phase: Sendable {
        /// Connecting, sending, or waiting for the response head: no response byte yet.
        case request
        /// Reading the body of a response whose head already arrived.
        case body
    }

    /// `host:port` for messages (default ports filled in).
    static func target(of url: URL) -> String {
        let host = url.host ?? "?"
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(shownHost):\(port)"
    }

    /// The error for `readTimeout` seconds without a byte.
    static func readTimeoutError(target: String, seconds: Double, phase: Phase) -> ProviderError {
        let waiting = phase == .request ? "no response" : "no data"
        return ProviderError(
            kind: .timeout,
            message: "\(waiting) from \(target) for \(format(seconds)) s (read timeout); "
                + "raise --read-timeout or read_timeout if the model is just slow"
        )
    }

    static func translate(
        _ error: any Error, target: String, phase: Phase, readTimeout: Double, connectTimeout: Double
    ) -> ProviderError {
        if let providerError = error as? ProviderError { return providerError }
        if error is CancellationError { return cancelled }
        if let clientError = error as? HTTPClientError {
            if [.cancelled, .requestStreamCancelled].contains(clientError) { return cancelled }
            if [.deadlineExceeded, .readTimeout].contains(clientError) {
                return readTimeoutError(target: target, seconds: readTimeout, phase: phase)
            }
            if [.connectTimeout, .getConnectionFromPoolTimeout].contains(clientError) {
                return ProviderError(
                    kind: .unreachable,
                    message: "cannot reach \(target): no connection within \(format(connectTimeout)) s "
                        + "— is the server running? check base_url and your network"
                )
            }
            if clientError == .tlsHandshakeTimeout { return tlsFailure(target: target, reason: "handshake timed out") }
            if [.invalidURL, .emptyHost, .emptyScheme].contains(clientError) || "\(clientError)".contains("unsupportedScheme") {
                return ProviderError(kind: .config, message: "base_url is not a usable http(s) URL (\(target)); check base_url")
            }
            if clientError == .remoteConnectionClosed {
                return phase == .request
                    ? ProviderError(kind: .unreachable, message: "\(target) closed the connection before answering — check base_url")
                    : midStream(target: target, reason: "the server closed the connection")
            }
        }
        if let addressError = nested(SocketAddressError.self, in: error) {
            if case .unknown(let host, _) = addressError {
                return ProviderError(
                    kind: .unreachable,
                    message: "cannot reach \(target): host \(host) not found (DNS) — check base_url and your network"
                )
            }
        }
        if isTLSError(error) {
            return tlsFailure(target: target, reason: shortReason(error))
        }
        if let ioError = nested(IOError.self, in: error) {
            let code = ioError.errnoCode
            let reason = String(cString: strerror(code)).lowercased()
            if phase == .body { return midStream(target: target, reason: reason) }
            switch code {
            case ECONNREFUSED:
                return ProviderError(
                    kind: .unreachable, message: "cannot reach \(target): connection refused — is the server running? check base_url"
                )
            case ECONNRESET, EPIPE:
                return ProviderError(kind: .unreachable, message: "cannot reach \(target): connection reset before an answer — check base_url")
            case ETIMEDOUT:
                return ProviderError(kind: .unreachable, message: "cannot reach \(target): connection timed out — check base_url and your network")
            case EHOSTUNREACH, ENETUNREACH:
                return ProviderError(kind: .unreachable, message: "cannot reach \(target): \(reason) — check your network and base_url")
            default:
                return ProviderError(kind: .unreachable, message: "cannot reach \(target): \(reason) — check base_url")
            }
        }
        if case .connectTimeout = nested(ChannelError.self, in: error) {
            return ProviderError(
                kind: .unreachable,
                message: "cannot reach \(target): no connection within \(format(connectTimeout)) s — is the server running? check base_url"
            )
        }
        if phase == .body { return midStream(target: target, reason: shortReason(error)) }
        return ProviderError(kind: .unreachable, message: "cannot reach \(target): \(shortReason(error)) — check base_url")
    }

    private static let cancelled = ProviderError(kind: .cancelled, message: "cancelled")

    private static func midStream(target: String, reason: String) -> ProviderError {
        ProviderError(kind: .streamCut, message: "the answer from \(target) was cut off: \(reason)")
    }

    private static func tlsFailure(target: String, reason: String) -> ProviderError {
        ProviderError(
            kind: .unreachable,
            message: "cannot reach \(target): TLS failed (\(reason)) — check http vs https in base_url, and the server's certificate"
        )
    }

    private static func isTLSError(_ error: any Error) -> Bool {
        let typeName = String(reflecting: type(of: error))
        return typeName.contains("NIOSSL") || typeName.contains("BoringSSL") || typeName.contains("TLS")
    }

    /// The error's own words, trimmed to one short line (these never contain request headers).
    private static func shortReason(_ error: any Error) -> String {
        let text = String(describing: error).replacingOccurrences(of: "\n", with: " ")
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }

    /// Finds a value of type `T` inside an error (NIO wraps the errno of a failed connect a few levels deep).
    static func nested<T>(_ type: T.Type, in value: Any, depth: Int = 5) -> T? {
        if let found = value as? T { return found }
        guard depth > 0 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let found = nested(type, in: child.value, depth: depth - 1) { return found }
        }
        return nil
    }

    static func format(_ seconds: Double) -> String {
        String(format: "%g", seconds)
    }
}
