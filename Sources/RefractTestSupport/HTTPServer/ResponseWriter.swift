import Foundation

/// Full control over one response: head, framing, body bytes, pauses, clean close or TCP reset.
///
/// Handlers run on the connection's own thread, so `sleep` and blocking writes are fine here.
/// Every write reports whether the client is still there; a vanished client never crashes the server.
public final class ResponseWriter {
    private let connection: SocketConnection
    private let onHangUp: () -> Void
    private var reportedHangUp = false
    private(set) var headWritten = false
    private(set) var framing: ResponseBodyFraming = .chunked
    private(set) var ended = false
    /// False once the connection cannot carry another request (closed, reset, close-delimited, or asked to close).
    private(set) var keepAlive: Bool

    init(connection: SocketConnection, keepAlive: Bool, onHangUp: @escaping () -> Void) {
        self.connection = connection
        self.keepAlive = keepAlive
        self.onHangUp = onHangUp
    }

    /// Sends the status line and headers. `Content-Length`/`Transfer-Encoding`/`Connection` follow `framing`.
    public func writeHead(status: Int, headers: [(String, String)] = [], framing: ResponseBodyFraming = .chunked) {
        guard !headWritten else { return }
        headWritten = true
        self.framing = framing
        var head = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        switch framing {
        case .contentLength(let n): head += "Content-Length: \(n)\r\n"
        case .chunked: head += "Transfer-Encoding: chunked\r\n"
        case .closeDelimited: keepAlive = false
        }
        if !keepAlive { head += "Connection: close\r\n" }
        head += "\r\n"
        note(connection.sendAll(Array(head.utf8)))
    }

    /// Writes body bytes (one chunk in chunked framing). False when the client has gone.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        if !headWritten { writeHead(status: 200) }
        guard !bytes.isEmpty else { return !connection.peerGone }
        if framing == .chunked {
            var chunk = Array(String(bytes.count, radix: 16).utf8) + [13, 10]
            chunk += bytes
            chunk += [13, 10]
            return note(connection.sendAll(chunk))
        }
        return note(connection.sendAll(bytes))
    }

    /// Writes the UTF-8 bytes of `text`.
    @discardableResult
    public func write(_ text: String) -> Bool { write(Array(text.utf8)) }

    /// Writes bytes straight to the socket, bypassing chunk framing (for deliberately broken responses).
    @discardableResult
    public func writeRaw(_ bytes: [UInt8]) -> Bool { note(connection.sendAll(bytes)) }

    /// Ends the body properly (the zero chunk in chunked framing; closing for close-delimited).
    public func end() {
        guard !ended else { return }
        if !headWritten { writeHead(status: 200, framing: .contentLength(0)) }
        ended = true
        switch framing {
        case .chunked: note(connection.sendAll(Array("0\r\n\r\n".utf8)))
        case .closeDelimited: close()
        case .contentLength: break
        }
    }

    /// A complete response with a `Content-Length` body.
    public func respond(status: Int, headers: [(String, String)] = [], body: [UInt8]) {
        writeHead(status: status, headers: headers, framing: .contentLength(body.count))
        write(body)
        end()
    }

    /// A complete response with a UTF-8 text body.
    public func respond(status: Int, headers: [(String, String)] = [], body: String) {
        respond(status: status, headers: headers, body: Array(body.utf8))
    }

    /// Pauses without writing; returns false early if the client hangs up meanwhile.
    @discardableResult
    public func sleep(_ seconds: Double) -> Bool {
        guard seconds > 0 else { return !isClientGone }
        return !note(hungUp: connection.waitForHangUp(seconds: seconds))
    }

    /// Waits until the client hangs up, at most `timeout` seconds; true if it did.
    @discardableResult
    public func waitForHangUp(timeout: Double) -> Bool {
        note(hungUp: connection.waitForHangUp(seconds: timeout))
    }

    /// True when the client has closed or reset the connection.
    public var isClientGone: Bool { note(hungUp: connection.peerHasHungUp()) }

    /// Closes the connection now with a normal FIN (mid-body this is a clean cut).
    public func close() {
        keepAlive = false
        connection.close()
    }

    /// Closes the connection now with a TCP RST (SO_LINGER 0).
    public func reset() {
        keepAlive = false
        connection.reset()
    }

    /// Called by the server after the handler returns: completes a half-finished response.
    func finishAfterHandler() {
        if connection.isClosed { return }
        if !headWritten {
            respond(status: 500, body: "handler wrote no response\n")
        } else if !ended {
            end()
        }
        if framing == .closeDelimited { close() }
    }

    var isConnectionUsable: Bool { keepAlive && !connection.isClosed && !connection.peerGone }

    @discardableResult
    private func note(_ writeSucceeded: Bool) -> Bool {
        if !writeSucceeded { _ = note(hungUp: true) }
        return writeSucceeded
    }

    private func note(hungUp: Bool) -> Bool {
        if hungUp && !reportedHangUp && !connection.isClosed {
            reportedHangUp = true
            onHangUp()
        }
        return hungUp
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 529: "Site Overloaded"
        default: "Status \(status)"
        }
    }
}
