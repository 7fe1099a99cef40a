import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on POSIX sockets for tests: 127.0.0.1, an ephemeral port, one thread per connection.
///
/// The handler gets the parsed request and a `ResponseWriter` with full control over the bytes, pauses,
/// clean closes and resets. Requests and client hang-ups are recorded for assertions. Keep-alive is
/// supported; a client that disappears mid-response is noted, never a crash (writes use MSG_NOSIGNAL).
public final class HTTPServer: Sendable {
    /// Receives each request on its connection's thread.
    public typealias Handler = @Sendable (HTTPServerRequest, ResponseWriter) -> Void

    private struct State {
        var requests: [HTTPServerRequest] = []
        var openConnections: Set<Int32> = []
        var connectionCount = 0
        var hangUps = 0
        var stopped = false
    }

    /// The port the server listens on (127.0.0.1).
    public let port: Int
    private let listenFD: Int32
    private let handler: Handler
    private let state = Mutex(State())

    /// Starts listening on 127.0.0.1 at `port` (0 picks a free one) and serves until `stop()` or deinit.
    public init(port: Int = 0, handler: @escaping Handler) throws(HTTPServerError) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPServerError(operation: "socket", code: errno) }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            Glibc.close(fd)
            throw HTTPServerError(operation: "bind 127.0.0.1:\(port)", code: code)
        }
        guard listen(fd, 128) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw HTTPServerError(operation: "listen", code: code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
        self.listenFD = fd
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "http-server-accept"
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`
    public var baseURL: URL {
        URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// Every request received so far, in arrival order.
    public var requests: [HTTPServerRequest] { state.withLock { $0.requests } }

    /// How many connections were accepted.
    public var connectionCount: Int { state.withLock { $0.connectionCount } }

    /// How many times a client hung up while a handler was still responding.
    public var hangUps: Int { state.withLock { $0.hangUps } }

    /// Connections still open on the server side.
    public var openConnectionCount: Int { state.withLock { $0.openConnections.count } }

    /// Waits (polling, without blocking a thread) until `condition` holds or `timeout` passes; returns whether it held.
    public func eventually(timeout: Double = 5, _ condition: @Sendable (HTTPServer) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition(self)
    }

    /// Stops accepting and shuts down open connections; handlers see their client gone.
    public func stop() {
        // shutdown() wakes the thread blocked in accept() (closing alone does not on Linux), and wakes
        // connection threads. Connection fds stay registered until their own thread closes them, so
        // none of these numbers can have been reused.
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            _ = Glibc.shutdown(listenFD, Int32(SHUT_RDWR))
            for fd in state.openConnections { _ = Glibc.shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                break
            }
            let id: Int? = state.withLock { state in
                if state.stopped { return nil }
                state.openConnections.insert(fd)
                state.connectionCount += 1
                return state.connectionCount - 1
            }
            guard let id else {
                Glibc.close(fd)
                break
            }
            let thread = Thread { [self] in serve(fd: fd, connectionID: id) }
            thread.name = "http-server-conn-\(id)"
            thread.start()
        }
        Glibc.close(listenFD)
    }

    private func serve(fd: Int32, connectionID: Int) {
        let connection = SocketConnection(fd: fd) { [self] fd in
            state.withLock { _ = $0.openConnections.remove(fd) }
        }
        var parser = HTTPRequestParser()
        serving: while true {
            let request: HTTPServerRequest
            do {
                while true {
                    if let next = try parser.nextRequest(connectionID: connectionID) {
                        request = next
                        break
                    }
                    guard let bytes = connection.receive() else { break serving }
                    parser.feed(bytes)
                }
            } catch {
                let writer = ResponseWriter(connection: connection, keepAlive: false) {}
                writer.respond(status: 400, body: "bad request\n")
                break serving
            }
            state.withLock { $0.requests.append(request) }
            let wantsClose = request.header("connection")?.lowercased() == "close"
            let writer = ResponseWriter(connection: connection, keepAlive: !wantsClose) { [self] in
                state.withLock { $0.hangUps += 1 }
            }
            handler(request, writer)
            writer.finishAfterHandler()
            if !writer.isConnectionUsable { break }
        }
        connection.close()
    }
}
