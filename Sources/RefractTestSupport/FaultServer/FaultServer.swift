import Foundation

/// A fault-injecting model server speaking every protocol Refract does; the model name picks the fault.
///
/// See `FaultMode` for the modes and options. Built on `HTTPServer`, so tests can also read the recorded
/// requests and count client hang-ups.
public final class FaultServer: Sendable {
    /// The underlying server (recorded requests, hang-ups, connection counts).
    public let http: HTTPServer

    /// Starts on 127.0.0.1 at `port` (0 picks a free one).
    public init(port: Int = 0) throws(HTTPServerError) {
        let responder = FaultResponder(counters: FaultResponder.Counters())
        http = try HTTPServer(port: port) { request, writer in
            responder.respond(to: request, with: writer)
        }
    }

    public var port: Int { http.port }

    /// `http://127.0.0.1:PORT`
    public var baseURL: URL { http.baseURL }

    public func stop() { http.stop() }
}
