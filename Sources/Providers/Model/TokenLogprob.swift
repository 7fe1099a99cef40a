import Foundation

/// One generated token with how sure the model was of it, and what it nearly said instead.
///
/// Encoded as a compact array because a session records one per token: `["Hello", -0.54, [["Hi", -2.39]], 0]`
/// — the token, its log-probability to 3 decimals (0.1% of a probability; the servers' extra digits are
/// float noise), the other alternatives, and the token's own rank among them when it ranked (it is not
/// repeated). Older sessions wrote the token inside the alternatives and no rank; both read back the same.
public struct TokenLogprob: Sendable, Equatable, Codable {
    public var token: String
    /// Natural log of the token's probability (0 is certain).
    public var logprob: Double
    /// The most likely tokens at this place, most likely first (the chosen one among them when it ranks).
    public var top: [TokenAlternative]

    public init(token: String, logprob: Double, top: [TokenAlternative] = []) {
        self.token = token
        self.logprob = logprob
        self.top = top
    }

    /// The probability, 0…1.
    public var probability: Double { logprob.isFinite ? min(1, max(0, exp(logprob))) : 0 }

    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        token = try c.decode(String.self)
        logprob = try c.decode(Double.self)
        top = c.isAtEnd ? [] : try c.decode([TokenAlternative].self)
        if !c.isAtEnd, let rank = try? c.decode(Int.self), rank >= 0, rank <= top.count {
            top.insert(TokenAlternative(token: token, logprob: logprob), at: rank)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(token)
        try c.encode(Self.rounded(logprob))
        guard !top.isEmpty else { return }
        if let rank = top.firstIndex(where: { $0.token == token && $0.logprob == logprob }) {
            var others = top
            others.remove(at: rank)
            try c.encode(others)
            try c.encode(rank)
        } else {
            try c.encode(top)
        }
    }

    /// To 3 decimals; infinities and NaN (a typed token in a branch) as they are.
    static func rounded(_ value: Double) -> Double {
        value.isFinite ? (value * 1000).rounded() / 1000 : value
    }
}

/// A token the model could have written instead, with its log-probability.
public struct TokenAlternative: Sendable, Equatable, Codable {
    public var token: String
    public var logprob: Double

    public init(token: String, logprob: Double) {
        self.token = token
        self.logprob = logprob
    }

    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        token = try c.decode(String.self)
        logprob = try c.decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(token)
        try c.encode(TokenLogprob.rounded(logprob))
    }
}
