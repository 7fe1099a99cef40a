import Foundation

/// How likely a model finds each of a few labels as its whole answer, read from one forward pass per
/// label token instead of sampling (label mode, for classification prompts).
public struct LabelScores: Sendable, Equatable, Codable {
    /// One label's score.
    public struct Score: Sendable, Equatable, Codable {
        public var label: String
        /// The text scored: the label as the answer would start (raw mode adds the space the pattern puts
        /// before an output).
        public var scored: String
        /// The label's tokens as the model's tokenizer splits `scored`.
        public var tokens: [String]
        /// Sum of the tokens' log-probabilities, each given the prompt and the tokens before it.
        public var logprob: Double
        /// False when a token was not among the `alternatives` most likely: `logprob` is then an upper
        /// bound (that token's probability was at most the least likely one listed).
        public var exact: Bool

        public init(label: String, scored: String, tokens: [String], logprob: Double, exact: Bool) {
            self.label = label
            self.scored = scored
            self.tokens = tokens
            self.logprob = logprob
            self.exact = exact
        }

        /// The label's probability as the whole answer start, 0…1.
        public var probability: Double { logprob.isFinite ? exp(logprob) : 0 }
    }

    public var scores: [Score]
    /// How many alternatives each step listed (a token outside them has only an upper bound).
    public var alternatives: Int

    public init(scores: [Score], alternatives: Int) {
        self.scores = scores
        self.alternatives = alternatives
    }

    /// Each label's share among the labels (their probabilities renormalised to sum to 1).
    public var shares: [Double] {
        let total = scores.map(\.probability).reduce(0, +)
        return scores.map { total > 0 ? $0.probability / total : 0 }
    }

    /// The most likely label.
    public var top: Score? { scores.max { $0.logprob < $1.logprob } }

    /// "positive 91% · negative 7% · neutral 2%" (shares, most likely first; `≤` marks an upper bound).
    public var summary: String {
        zip(scores, shares).sorted { $0.1 > $1.1 }.map { score, share in
            "\(score.label) \(score.exact ? "" : "≤")\(ProbabilityText.percent(share))"
        }.joined(separator: " · ")
    }
}

/// llama.cpp's native `/completion` for label scoring: one token predicted, the `n_probs` most likely
/// next tokens with their log-probabilities (before sampling), for a prompt given as token ids.
public enum LlamaLabelScoring {
    /// How many next tokens each step lists.
    public static let alternatives = 100

    /// The text a label is scored as: the label itself in chat (the answer starts with it); in raw mode a
    /// space first when the prompt ends with a word, as the few-shot pattern writes "Output: positive".
    public static func continuation(_ label: String, mode: RequestMode, promptText: String) -> String {
        guard mode == .rawCompletion, let last = promptText.last, !last.isWhitespace, label.first?.isWhitespace != true else { return label }
        return " " + label
    }

    public static func nextTokenRequest(prompt ids: [Int], root: URL) -> HTTPRequestSpec {
        struct Body: Encodable {
            var prompt: [Int]
            var n_predict = 1
            var n_probs = LlamaLabelScoring.alternatives
            var temperature = 0.0
            var cache_prompt = true
        }
        let body = (try? JSONEncoder().encode(Body(prompt: ids))) ?? Data()
        return HTTPRequestSpec(method: "POST", url: root.appendingPathComponent("completion"), headers: ["content-type": "application/json"], body: body)
    }

    /// The listed next tokens: id → log-probability.
    public static func parseNextTokens(_ body: Data) throws(ProviderError) -> [Int: Double] {
        struct Reply: Decodable {
            struct Step: Decodable {
                struct Alternative: Decodable {
                    var id: Int
                    var logprob: Double
                }
                var top_logprobs: [Alternative]
            }
            var completion_probabilities: [Step]
        }
        guard let reply = try? JSONDecoder().decode(Reply.self, from: body), let first = reply.completion_probabilities.first else {
            throw ProviderError(kind: .invalidResponse, message: "llama.cpp's /completion did not return next-token probabilities (n_probs)")
        }
        return Dictionary(first.top_logprobs.map { ($0.id, $0.logprob) }, uniquingKeysWith: max)
    }

    /// Adds up one label's steps: each of its tokens' log-probability given what precedes it. A token
    /// missing from a step's list counts as the least likely listed one (an upper bound).
    public static func score(label: String, scored: String, tokens: [PromptToken], steps: [[Int: Double]]) -> LabelScores.Score {
        var total = 0.0
        var exact = true
        for (token, step) in zip(tokens, steps) {
            if let value = step[token.id] {
                total += value
            } else {
                exact = false
                total += step.values.min() ?? -.infinity
            }
        }
        return LabelScores.Score(label: label, scored: scored, tokens: tokens.map(\.piece), logprob: total, exact: exact)
    }
}
