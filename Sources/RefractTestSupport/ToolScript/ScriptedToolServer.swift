import Foundation
import Synchronization

/// An in-test model server for the tool loop: the n-th model request gets the n-th scripted turn
/// (the last one repeats), in the protocol's wire format; every request is kept for assertions.
public final class ScriptedToolServer: Sendable {
    public let server: HTTPServer
    /// A box so the handler and the tests share the count.
    private final class Counter: Sendable { let value = Mutex(0) }
    private let counter = Counter()

    /// Starts serving `turns` as `protocolName` answers. Requests for a model list get an empty list.
    public init(protocolName: String, turns: [ToolScriptTurn]) throws(HTTPServerError) {
        let counter = self.counter
        server = try HTTPServer { request, writer in
            guard request.method == "POST" else {
                writer.respond(status: 200, headers: [("Content-Type", "application/json")], body: #"{"data":[],"models":[]}"#)
                return
            }
            let n = counter.value.withLock { n in
                defer { n += 1 }
                return n
            }
            let turn = turns[min(n, turns.count - 1)]
            let (contentType, body) = ToolScriptEncoder.body(turn, protocolName: protocolName)
            writer.writeHead(status: 200, headers: [("Content-Type", contentType)])
            _ = writer.write(body)
            writer.end()
        }
    }

    public var baseURL: URL { server.baseURL }
    public var port: Int { server.port }
    /// The model requests (POSTs) received, in order.
    public var modelRequests: [HTTPServerRequest] { server.requests.filter { $0.method == "POST" } }
    public func stop() { server.stop() }
}
