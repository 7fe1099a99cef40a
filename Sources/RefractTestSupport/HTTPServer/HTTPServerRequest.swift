import Foundation

/// A request as the test server received it: what handlers read and tests assert on.
public struct HTTPServerRequest: Sendable, Equatable {
    public var method: String
    /// The request target as sent (`/v1/messages?x=1`).
    public var target: String
    /// The percent-decoded path, without the query.
    public var path: String
    /// Query items in order, percent-decoded.
    public var query: [(name: String, value: String)]
    /// Header fields in order, as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Which connection (0, 1, 2...) carried it: tests see keep-alive reuse through this.
    public var connectionID: Int

    public init(
        method: String, target: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [], connectionID: Int = 0
    ) {
        self.method = method
        self.target = target
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = parts.first.map(String.init) ?? target
        self.path = rawPath.removingPercentEncoding ?? rawPath
        self.query = parts.count > 1 ? Self.parseQuery(String(parts[1])) : []
        self.headers = headers
        self.body = body
        self.connectionID = connectionID
    }

    /// The first value of header `name`, ignoring case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The first value of query item `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object, when it is one.
    public var jsonBody: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    private static func parseQuery(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { item in
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let plusAsSpace = s.replacingOccurrences(of: "+", with: " ")
                return plusAsSpace.removingPercentEncoding ?? plusAsSpace
            }
            return (name: decode(pair[0]), value: pair.count > 1 ? decode(pair[1]) : "")
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.body == rhs.body && lhs.connectionID == rhs.connectionID
            && lhs.headers.count == rhs.headers.count
            && zip(lhs.headers, rhs.headers).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
