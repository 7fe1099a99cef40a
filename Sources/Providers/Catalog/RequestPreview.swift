import Foundation

/// A request exactly as it would be sent, with every secret replaced: what `refract prompt --show` prints.
public struct RequestPreview: Sendable, Equatable, Encodable {
    public var method: String
    /// The URL with any `key=` query value replaced.
    public var url: String
    /// Every header in order; credential headers show where the key comes from, never the key.
    public var headers: [Header]
    /// The body bytes as text (JSON for every protocol), unchanged.
    public var body: String

    /// One header line.
    public struct Header: Sendable, Equatable, Encodable {
        public var name: String
        public var value: String
    }

    /// `spec` with its credentials replaced by `keyLabel` (e.g. "‹$OPENAI_API_KEY›"), and `apiKey` scrubbed
    /// from anything else that might carry it (a header a user configured with the key in it).
    public init(_ spec: HTTPRequestSpec, apiKey: String?, keyLabel: String) {
        method = spec.method
        url = spec.redactedURL
        let redactor = SecretRedactor(secrets: [apiKey].compactMap { $0 })
        headers = spec.headers.map { field in
            let secret = HTTPRequestSpec.secretHeaderNames.contains(field.name.lowercased())
            return Header(name: field.name, value: secret ? Self.label(field.value, keyLabel: keyLabel) : redactor.redact(field.value))
        }
        // Only the key itself is taken out of the body: it is the user's prompt, shown exactly.
        let text = String(decoding: spec.body ?? Data(), as: UTF8.self)
        body = apiKey.map { $0.count >= 4 ? text.replacingOccurrences(of: $0, with: SecretRedactor.placeholder) : text } ?? text
    }

    /// `Bearer sk-…` → `Bearer ‹$KEY›`: the scheme stays, the credential does not.
    private static func label(_ value: String, keyLabel: String) -> String {
        let parts = value.split(separator: " ", maxSplits: 1)
        return parts.count == 2 ? "\(parts[0]) \(keyLabel)" : keyLabel
    }
}

extension ProviderSpec {
    /// The request this provider would be sent for `request`, credentials replaced by where they come
    /// from. `key` nil: not known here (the workbench's reducer sees no environment) — the header is shown
    /// with the variable it is read from. `localPort`: a managed local server's port when it runs.
    public func requestPreview(_ request: ModelRequest, key: KeyStatus?, localPort: Int? = nil) throws(ProviderError) -> RequestPreview {
        var base = baseURL
        if isManagedLocal, let localPort { base = URL(string: "http://127.0.0.1:\(localPort)/v1")! }
        let label: String = switch key {
        case .present(_, let source)?: "‹key from \(source)›"
        case .missing(let vars)?: "‹no key: set $\(vars.first ?? "the key variable")›"
        case .notNeeded?: "‹none›"
        case nil: apiKeyEnvironment.first.map { "‹key from $\($0)›" } ?? "‹key›"
        }
        // A stand-in for a key not at hand, so its header is shown (labelled) where it will go.
        let value = key?.value ?? (key == .notNeeded || (key == nil && !requiresKey) ? nil : "refract-missing-key-stand-in")
        let wire = protocolName.implementation(providerName: displayName)
        let http = try wire.streamRequest(for: request, endpoint: ProviderEndpoint(baseURL: base, apiKey: value, extraHeaders: headers))
        var preview = RequestPreview(http, apiKey: value, keyLabel: label)
        // The catalog's address has port 0: the real one is chosen when the server starts.
        if isManagedLocal, localPort == nil { preview.url = preview.url.replacingOccurrences(of: "127.0.0.1:0/", with: "127.0.0.1:PORT/") }
        return preview
    }
}
