import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The real transport: one async-http-client `HTTPClient` shared by every provider in the process.
///
/// Create one at start-up and call `shutdown()` before exit. Redirects are not followed (an API that
/// redirects is a misconfigured `base_url`), failed connects are not silently re-tried by the pool
/// (`RetryPolicy` decides), and each request has its own read timeout.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    /// Seconds allowed to open a connection.
    public let connectTimeout: Double

    /// Creates the shared client. `connectTimeout` bounds TCP (and TLS) connection set-up.
    public init(connectTimeout: Double = 10) {
        self.connectTimeout = connectTimeout
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(max(connectTimeout, 0.001) * 1000)))
        )
        // Without this the pool keeps re-dialling a refused port until the connect timeout, so
        // "connection refused" would surface as a slow timeout; our RetryPolicy does the re-trying.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Closes every pooled connection. Call once, at exit.
    public func shutdown() async {
        try? await client.shutdown()
    }

    public func send(_ spec: HTTPRequestSpec, readTimeout: Double) async throws(ProviderError) -> HTTPResponse {
        let target = TransportErrorTranslator.target(of: spec.url)
        var request = HTTPClientRequest(url: spec.url.absoluteString)
        request.method = HTTPMethod(rawValue: spec.method.uppercased())
        for field in spec.headers { request.headers.add(name: field.name, value: field.value) }
        if let body = spec.body { request.body = .bytes(ByteBuffer(bytes: body)) }

        // The deadline only covers connect + send + head: AHC cancels it once the head is in.
        let headDeadline: NIODeadline =
            readTimeout > 0 && readTimeout.isFinite ? .now() + .nanoseconds(Int64(readTimeout * 1e9)) : .distantFuture
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, deadline: headDeadline)
        } catch {
            throw TransportErrorTranslator.translate(
                error, target: target, phase: .request, readTimeout: readTimeout, connectTimeout: connectTimeout
            )
        }
        let headers = HeaderFields(response.headers.map { (name: $0.name, value: $0.value) })
        let source = AsyncHTTPBodySource(
            body: response.body, target: target, readTimeout: readTimeout, connectTimeout: connectTimeout
        )
        return HTTPResponse(status: Int(response.status.code), headers: headers, body: HTTPResponseBody(source: source))
    }
}
