import Foundation

/// Joins an API root and a path, keeping the root's own path (`/v1`) and adding query items.
enum EndpointURL {
    /// `base` + `/` + `path` (+ query), or a `.config` error when the result is not a valid URL.
    static func make(_ base: URL, path: String, query: [URLQueryItem] = []) throws(ProviderError) -> URL {
        guard let url = build(base, path: path, query: query) else {
            throw ProviderError(kind: .config, message: "the base URL '\(base.absoluteString)' cannot be joined with '\(path)': check the provider's base URL in the config")
        }
        return url
    }

    /// Like `make`, falling back to `base` itself when joining fails (for requests that cannot throw).
    static func lenient(_ base: URL, path: String, query: [URLQueryItem] = []) -> URL {
        build(base, path: path, query: query) ?? base
    }

    private static func build(_ base: URL, path: String, query: [URLQueryItem]) -> URL? {
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else { return nil }
        var root = components.percentEncodedPath
        while root.hasSuffix("/") { root.removeLast() }
        components.percentEncodedPath = root + "/" + path
        if !query.isEmpty {
            components.queryItems = (components.queryItems ?? []) + query
        }
        return components.url
    }

    /// A path segment with everything but unreserved characters percent-encoded (model ids).
    static func pathSegment(_ text: String) -> String {
        // ASCII only: a non-ASCII letter left unescaped would make the path invalid.
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:@")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
