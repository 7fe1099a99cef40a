import Providers

/// Log-probabilities of the run's next tokens, in order, `ms` after the run started; their text is in the
/// run's `text` lines, in the same order (a line may end before or after the tokens listed with it).
/// Tokens are compact arrays (`["Hello", -0.54, [["Hi", -2.39]]]`) to keep the file small.
public struct LogprobsEvent: Sendable, Equatable, Codable {
    public var run: Int
    public var ms: Int
    public var tokens: [TokenLogprob]

    public init(run: Int, ms: Int, tokens: [TokenLogprob]) {
        self.run = run
        self.ms = ms
        self.tokens = tokens
    }

    enum CodingKeys: String, CodingKey { case run, ms, tokens }
}
