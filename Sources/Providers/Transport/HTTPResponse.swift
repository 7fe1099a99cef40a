import Foundation

/// A response head plus its body, still streaming.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HeaderFields
    public var body: HTTPResponseBody

    public init(status: Int, headers: HeaderFields = [:], body: HTTPResponseBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The provider's request id, from whichever header this provider uses.
    public var requestID: String? {
        for name in ["request-id", "x-request-id", "x-goog-request-id", "cf-ray"] {
            if let value = headers[name], !value.isEmpty { return value }
        }
        return nil
    }
}
