import Foundation

/// `candidates[].logprobsResult`: the chosen token at each step and, in step with it, the top candidates.
struct GeminiLogprobsResult: Decodable {
    /// One token with its log-probability.
    struct Candidate: Decodable {
        @Lenient var token: String?
        @Lenient var logProbability: Double?
    }

    /// `topCandidates[]`: the alternatives at one step, most likely first.
    struct Step: Decodable {
        @Lenient var candidates: [Candidate]?
    }

    @Lenient var chosenCandidates: [Candidate]?
    @Lenient var topCandidates: [Step]?

    /// The chunk's tokens in the neutral form, alternatives most likely first.
    var neutral: [TokenLogprob] {
        let steps = topCandidates ?? []
        return (chosenCandidates ?? []).enumerated().compactMap { index, chosen in
            guard let token = chosen.token, let logprob = chosen.logProbability else { return nil }
            let alternatives = steps.indices.contains(index) ? steps[index].candidates ?? [] : []
            let top = alternatives.compactMap { alt in
                alt.token.flatMap { t in alt.logProbability.map { TokenAlternative(token: t, logprob: $0) } }
            }
            return TokenLogprob(token: token, logprob: logprob, top: top.sorted { $0.logprob > $1.logprob })
        }
    }
}
