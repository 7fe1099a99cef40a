import Foundation

/// One token's log-probability as OpenAI Chat, OpenAI Responses and Ollama all send it:
/// `{"token": "Hi", "logprob": -0.1, "top_logprobs": [{"token": "Hello", "logprob": -2.3}]}`.
struct WireTokenLogprob: Decodable, Equatable {
    /// One entry of `top_logprobs`.
    struct Alternative: Decodable, Equatable {
        @Lenient var token: String?
        @Lenient var logprob: Double?
    }

    @Lenient var token: String?
    @Lenient var logprob: Double?
    @Lenient var topLogprobs: [Alternative]?

    enum CodingKeys: String, CodingKey {
        case token, logprob
        case topLogprobs = "top_logprobs"
    }

    /// The neutral form, alternatives most likely first; nil when the token or its value is missing.
    var neutral: TokenLogprob? {
        guard let token, let logprob else { return nil }
        let top = (topLogprobs ?? []).compactMap { alt in
            alt.token.flatMap { t in alt.logprob.map { TokenAlternative(token: t, logprob: $0) } }
        }
        return TokenLogprob(token: token, logprob: logprob, top: top.sorted { $0.logprob > $1.logprob })
    }
}

extension Array where Element == WireTokenLogprob {
    /// Every complete entry in the neutral form.
    var neutral: [TokenLogprob] { compactMap(\.neutral) }
}
