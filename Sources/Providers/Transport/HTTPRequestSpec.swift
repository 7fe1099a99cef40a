import Foundation

/// A fully built HTTP request, as pure data: what a protocol encoder produces and a transport sends.
public struct HTTPRequestSpec: Sendable, Equatable {
    public var method: String
    public var url: URL
    public var headers: HeaderFields
    public var body: Data?

    public init(method: String, url: URL, headers: HeaderFields = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Header names that carry credentials; never printed or logged.
    public static let secretHeaderNames: Set<String> = ["authorization", "x-api-key", "x-goog-api-key", "api-key"]

    /// The URL without any `key=` query item (Gemini accepts the key there).
    public var redactedURL: String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        parts.queryItems = parts.queryItems?.map { $0.name.lowercased() == "key" ? URLQueryItem(name: $0.name, value: "REDACTED") : $0 }
        return parts.string ?? url.absoluteString
    }
}
