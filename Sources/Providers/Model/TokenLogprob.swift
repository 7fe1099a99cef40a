import Foundation

/// One generated token with how sure the model was of it, and what it nearly said instead.
///
/// Encoded as a compact array — `["Hello", -0.54, [["Hello", -0.54], ["Hi", -2.39]]]` — because a session
/// records one per token and keyed objects would multiply its size.
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
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(token)
        try c.encode(logprob)
        if !top.isEmpty { try c.encode(top) }
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
        try c.encode(logprob)
    }
}
