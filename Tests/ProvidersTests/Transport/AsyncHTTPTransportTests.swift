import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RefractTestSupport
import Testing
@testable import Providers

/// The real transport against the in-process socket server: framing, timeouts, failures, cancellation.
@Suite(.serialized) struct AsyncHTTPTransportTests {
    static var transport: AsyncHTTPTransport { SharedTestTransport.transport }

    func spec(_ server: HTTPServer, _ path: String = "/v1/x", method: String = "POST", headers: HeaderFields = [:], body: String? = "{}") -> HTTPRequestSpec {
        HTTPRequestSpec(method: method, url: server.baseURL.appendingPathComponent(path), headers: headers, body: body.map { Data($0.utf8) })
    }

    func readAll(_ response: HTTPResponse) async throws(ProviderError) -> String {
        var text = ""
        for try await chunk in response.body { text += String(decoding: chunk, as: UTF8.self) }
        return text
    }

    @Test func sendsTheRequestAndStreamsChunks() async throws {
        let server = try HTTPServer { request, writer in
            writer.writeHead(status: 200, headers: [("content-type", "text/event-stream"), ("request-id", "req_1")], framing: .chunked)
            writer.write("data: one\n\n")
            writer.write("data: two\n\n")
            writer.end()
        }
        defer { server.stop() }
        let response = try await Self.transport.send(
            spec(server, headers: ["x-api-key": "k", "anthropic-version": "2023-06-01"], body: #"{"model":"m"}"#), readTimeout: 5
        )
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/event-stream")
        #expect(response.requestID == "req_1")
        #expect(try await readAll(response) == "data: one\n\ndata: two\n\n")
        let recorded = try #require(server.requests.first)
        #expect(recorded.method == "POST")
        #expect(recorded.path == "/v1/x")
        #expect(recorded.header("x-api-key") == "k")
        #expect(recorded.header("anthropic-version") == "2023-06-01")
        #expect(recorded.bodyText == #"{"model":"m"}"#)
    }

    @Test func readsContentLengthAndCloseDelimitedBodies() async throws {
        let server = try HTTPServer { request, writer in
            if request.path == "/length" {
                writer.respond(status: 404, headers: [("content-type", "application/json")], body: #"{"error":"nope"}"#)
            } else {
                writer.writeHead(status: 200, framing: .closeDelimited)
                writer.write("until ")
                writer.write("close")
                writer.close()
            }
        }
        defer { server.stop() }
        let notFound = try await Self.transport.send(spec(server, "/length", method: "GET", body: nil), readTimeout: 5)
        #expect(notFound.status == 404)
        #expect(try await readAll(notFound) == #"{"error":"nope"}"#)
        let closing = try await Self.transport.send(spec(server, "/close"), readTimeout: 5)
        #expect(try await readAll(closing) == "until close")
        #expect(server.requests.map(\.method) == ["GET", "POST"])
    }

    @Test func keepsConnectionsAliveBetweenRequests() async throws {
        let server = try HTTPServer { _, writer in writer.respond(status: 200, body: "ok") }
        defer { server.stop() }
        for _ in 0..<3 {
            let response = try await Self.transport.send(spec(server), readTimeout: 5)
            #expect(try await readAll(response) == "ok")
        }
        #expect(server.requests.count == 3)
        #expect(server.connectionCount == 1)
    }

    @Test func aStalledBodyEndsWithAReadTimeoutNamingTheSetting() async throws {
        let server = try HTTPServer { _, writer in
            writer.writeHead(status: 200)
            writer.write("data: first\n\n")
            writer.waitForHangUp(timeout: 10)
        }
        defer { server.stop() }
        let response = try await Self.transport.send(spec(server), readTimeout: 0.3)
        var iterator = response.body.makeAsyncIterator()
        let first = try await iterator.next()
        #expect(first.map { String(decoding: $0, as: UTF8.self) } == "data: first\n\n")
        let error = await #expect(throws: ProviderError.self) { _ = try await iterator.next() }
        #expect(error?.kind == .timeout)
        #expect(error?.message.contains("read_timeout") == true)
        #expect(error?.message.contains("--read-timeout") == true)
        #expect(error?.message.contains("127.0.0.1:\(server.port)") == true)
        // The abandoned connection is closed, so the stalled handler sees the client go.
        #expect(await server.eventually { $0.hangUps == 1 })
    }

    @Test func aBodyThatKeepsFlowingOutlivesTheReadTimeout() async throws {
        // The read timeout is per read (one watchdog per body): 6 chunks 100 ms apart take longer
        // than the 0.3 s timeout in all, and none of the waits does.
        let server = try HTTPServer { _, writer in
            writer.writeHead(status: 200)
            for i in 0..<6 {
                writer.write("data: \(i)\n\n")
                writer.sleep(0.1)
            }
        }
        defer { server.stop() }
        let response = try await Self.transport.send(spec(server), readTimeout: 0.3)
        let text = try await readAll(response)
        #expect(text == (0..<6).map { "data: \($0)\n\n" }.joined())
    }

    @Test func aServerThatNeverAnswersTimesOutBeforeTheHead() async throws {
        let server = try HTTPServer { _, writer in
            writer.sleep(10)
            writer.respond(status: 200, body: "late")
        }
        defer { server.stop() }
        let error = await #expect(throws: ProviderError.self) { _ = try await Self.transport.send(spec(server), readTimeout: 0.3) }
        #expect(error?.kind == .timeout)
        #expect(error?.message.contains("no response from 127.0.0.1:\(server.port)") == true)
        #expect(await server.eventually { $0.hangUps == 1 })
    }

    @Test func cancellingTheConsumerClosesTheConnection() async throws {
        let server = try HTTPServer { _, writer in
            writer.writeHead(status: 200)
            writer.write("data: first\n\n")
            writer.waitForHangUp(timeout: 10)
        }
        defer { server.stop() }
        let consumer = Task {
            let response = try await Self.transport.send(spec(server), readTimeout: 30)
            var received = 0
            for try await chunk in response.body { received += chunk.count }
            return received
        }
        #expect(await server.eventually { $0.requests.count == 1 })
        try await Task.sleep(for: .milliseconds(50))
        consumer.cancel()
        _ = try? await consumer.value
        #expect(await server.eventually { $0.hangUps == 1 && $0.openConnectionCount == 0 })
    }

    @Test func connectionRefusedSaysWhatToCheck() async throws {
        let port = try Self.unusedPort()
        let url = URL(string: "http://127.0.0.1:\(port)/v1/messages")!
        let request = HTTPRequestSpec(method: "POST", url: url, headers: ["authorization": "Bearer sk-live-SECRET"], body: Data("{}".utf8))
        let error = await #expect(throws: ProviderError.self) { _ = try await Self.transport.send(request, readTimeout: 5) }
        #expect(error?.kind == .unreachable)
        #expect(error?.message == "cannot reach 127.0.0.1:\(port): connection refused — is the server running? check base_url")
        #expect(error.map { "\($0)" }?.contains("SECRET") == false)
    }

    @Test func unknownHostsAreReportedAsDNSFailures() async throws {
        let url = URL(string: "http://refract-no-such-host.invalid:8080/v1/models?key=AIzaSECRET")!
        let error = await #expect(throws: ProviderError.self) {
            _ = try await Self.transport.send(HTTPRequestSpec(method: "GET", url: url), readTimeout: 5)
        }
        #expect(error?.kind == .unreachable)
        #expect(error?.message.contains("cannot reach refract-no-such-host.invalid:8080") == true)
        #expect(error?.message.contains("DNS") == true)
        #expect(error?.message.contains("AIzaSECRET") == false)
    }

    @Test func tlsToAPlainServerIsReportedAsATLSFailure() async throws {
        let server = try HTTPServer { _, writer in writer.respond(status: 200, body: "plain") }
        defer { server.stop() }
        let url = URL(string: "https://127.0.0.1:\(server.port)/v1/x")!
        let error = await #expect(throws: ProviderError.self) {
            _ = try await Self.transport.send(HTTPRequestSpec(method: "GET", url: url), readTimeout: 5)
        }
        #expect(error?.kind == .unreachable)
        #expect(error?.message.contains("TLS") == true)
        #expect(error?.message.contains("https") == true)
    }

    @Test func aResetMidBodyIsACutStream() async throws {
        let server = try HTTPServer { _, writer in
            writer.writeHead(status: 200)
            writer.write("data: partial\n\n")
            writer.sleep(0.05)
            writer.reset()
        }
        defer { server.stop() }
        let response = try await Self.transport.send(spec(server), readTimeout: 5)
        var text = ""
        let error = await #expect(throws: ProviderError.self) {
            for try await chunk in response.body { text += String(decoding: chunk, as: UTF8.self) }
        }
        #expect(text == "data: partial\n\n")
        #expect(error?.kind == .streamCut)
        #expect(error?.message.contains("127.0.0.1:\(server.port)") == true)
    }

    @Test func aResetBeforeTheHeadIsUnreachable() async throws {
        let server = try HTTPServer { _, writer in writer.reset() }
        defer { server.stop() }
        let error = await #expect(throws: ProviderError.self) { _ = try await Self.transport.send(spec(server), readTimeout: 5) }
        #expect(error?.kind == .unreachable)
        #expect(error?.message.contains("127.0.0.1:\(server.port)") == true)
    }

    @Test func redirectsAreNotFollowed() async throws {
        let server = try HTTPServer { _, writer in
            writer.respond(status: 301, headers: [("location", "http://127.0.0.1:9/elsewhere")], body: "moved")
        }
        defer { server.stop() }
        let response = try await Self.transport.send(spec(server, method: "GET", body: nil), readTimeout: 5)
        #expect(response.status == 301)
        #expect(server.requests.count == 1)
    }

    /// A port nothing listens on: bind one without listening, note it, close it.
    static func unusedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(ok)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
