import Foundation

/// Removes API keys from text that may echo them (provider error messages, logs) before it is shown or stored.
///
/// Replaces each given secret value, and key-shaped tokens whatever their value: `sk-…` (OpenAI,
/// `sk-ant-…` Anthropic), `AIza…` (Google), masked keys such as `sk-abc***xyz`, and the token after
/// `Bearer`. Each becomes `[redacted]`.
public struct SecretRedactor: Sendable, Equatable {
    /// What a secret is replaced with.
    public static let placeholder = "[redacted]"

    /// Secret values to replace wherever they occur (values shorter than 4 characters are ignored).
    public var secrets: [String]

    public init(secrets: [String] = []) {
        self.secrets = secrets
    }

    /// Redacts with no known secret values: key-shaped tokens only.
    public static func redact(_ text: String) -> String {
        SecretRedactor().redact(text)
    }

    /// The text with every secret and key-shaped token replaced by `[redacted]`.
    public func redact(_ text: String) -> String {
        var result = text
        // Longest first, so a secret that contains another is replaced whole.
        for secret in secrets.filter({ $0.count >= 4 }).sorted(by: { $0.count > $1.count }) {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
        }
        return Self.redactKeyShapedTokens(result)
    }

    private static func redactKeyShapedTokens(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard isTokenScalar(scalars[index]) else {
                out.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isTokenScalar(scalars[end]) { end += 1 }
            // Dots that end a token end the sentence, not the key.
            var tokenEnd = end
            while tokenEnd > index, scalars[tokenEnd - 1] == "." { tokenEnd -= 1 }
            let token = String(String.UnicodeScalarView(scalars[index..<tokenEnd]))
            if isKeyShaped(token) {
                out.append(contentsOf: placeholder.unicodeScalars)
            } else {
                out.append(contentsOf: token.unicodeScalars)
            }
            out.append(contentsOf: scalars[tokenEnd..<end])
            index = end
            if token == "Bearer" {
                index = redactBearerValue(scalars, from: index, into: &out)
            }
        }
        return String(out)
    }

    /// After `Bearer`, skips the spaces and replaces the next run of non-space characters.
    private static func redactBearerValue(_ scalars: [Unicode.Scalar], from start: Int, into out: inout String.UnicodeScalarView) -> Int {
        var index = start
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        guard index > start, index < scalars.count, !isSpace(scalars[index]) else { return start }
        out.append(contentsOf: scalars[start..<index])
        while index < scalars.count, !isSpace(scalars[index]), scalars[index] != "\"", scalars[index] != "'" { index += 1 }
        out.append(contentsOf: placeholder.unicodeScalars)
        return index
    }

    private static func isKeyShaped(_ token: String) -> Bool {
        if token.hasPrefix("sk-"), token.count >= 6 { return true }
        if token.hasPrefix("AIza"), token.count >= 12 { return true }
        // Masked keys echoed by providers: "sk-abc***xyz", "gsk_ab****cd".
        if token.contains("***") {
            let visible = token.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.count
            return visible >= 4
        }
        return false
    }

    private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", "*", ".": true
        default: false
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }
}
