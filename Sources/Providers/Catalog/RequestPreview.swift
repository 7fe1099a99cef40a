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
