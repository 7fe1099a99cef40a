import Foundation

/// Reads text that stood outside any SSE field: a bare JSON error object, or garbage to warn about.
enum StrayMessage {
    /// What a stray message means to a mapper.
    enum Meaning: Equatable {
        case error(WireErrorPayload)
        case ignored(String)
    }

    static func meaning(of data: String) -> Meaning {
        if let envelope = WireJSON.decode(WireErrorEnvelope.self, from: data), let payload = envelope.error {
            return .error(payload)
        }
        return .ignored("ignored text outside the stream's events: \(ProviderText.oneLine(data, limit: 120))")
    }
}
