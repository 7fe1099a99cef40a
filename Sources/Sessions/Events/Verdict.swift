import Foundation

/// A judgement on a group's runs, possibly made blind (labels hidden while judging).
public struct Verdict: Sendable, Equatable, Codable {
    /// What was decided.
    public enum Outcome: Sendable, Equatable {
        /// Run ids, best first.
        case ranking([Int])
        case winner(Int)
        /// No run was better than the others.
        case tie
    }

    public var group: Int
    public var at: Date
    public var outcome: Outcome
    public var blind: Bool

    public init(group: Int, at: Date, outcome: Outcome, blind: Bool) {
        self.group = group
        self.at = at
        self.outcome = outcome
        self.blind = blind
    }

    enum CodingKeys: String, CodingKey { case group, at, ranking, winner, tie, blind }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        group = try c.decode(Int.self, forKey: .group)
        at = try c.decodeTimestamp(forKey: .at)
        blind = try c.decodeIfPresent(Bool.self, forKey: .blind) ?? false
        if let ranking = try c.decodeIfPresent([Int].self, forKey: .ranking) {
            outcome = .ranking(ranking)
        } else if let winner = try c.decodeIfPresent(Int.self, forKey: .winner) {
            outcome = .winner(winner)
        } else if try c.decodeIfPresent(Bool.self, forKey: .tie) == true {
            outcome = .tie
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "a verdict needs ranking, winner or tie"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(group, forKey: .group)
        try c.encode(SessionTimestamp.format(at), forKey: .at)
        switch outcome {
        case .ranking(let runs): try c.encode(runs, forKey: .ranking)
        case .winner(let run): try c.encode(run, forKey: .winner)
        case .tie: try c.encode(true, forKey: .tie)
        }
        try c.encode(blind, forKey: .blind)
    }
}
