import Foundation
import Providers
import Sessions

/// Where a branch left the run it came from, in the workbench: the parent, the replaced token, and the
/// answer-so-far (with the chosen token last) that the model was asked to continue.
public struct RunBranch: Sendable, Equatable {
    /// The workbench id of the run branched from.
    public var parentID: String
    /// The index of the replaced token in the parent's answer.
    public var tokenIndex: Int
    /// The token put in its place.
    public var chosen: String
    /// The parent's answer up to the token, then `chosen`: what the model continues.
    public var prefix: String
    /// The tokens of `prefix` with their probabilities as the parent saw them (the chosen one with the
    /// probability the model gave it, or none when typed), so the branch reads as one answer.
    public var prefixTokens: [TokenLogprob]
    /// The start of `prefix` that has no tokens (a branch loaded from a session keeps its prefix as text).
    public var untokenized: String

    public init(parentID: String, tokenIndex: Int, chosen: String, prefix: String, prefixTokens: [TokenLogprob], untokenized: String = "") {
        self.parentID = parentID
        self.tokenIndex = tokenIndex
        self.chosen = chosen
        self.prefix = prefix
        self.prefixTokens = prefixTokens
        self.untokenized = untokenized
    }

    /// A branch read back from a session: its prefix is text (the parent's probabilities are not in it).
    public init(saved point: BranchPoint) {
        self.init(parentID: "", tokenIndex: point.token, chosen: point.chosen, prefix: point.prefix, prefixTokens: [], untokenized: point.prefix)
    }

    /// The branch at `index` of an answer shown as `tokens`, with `chosen` in place of the token there.
    /// `uncovered` is answer text before the first token that has no token of its own (a branch loaded
    /// from a session keeps its prefix as text).
    public static func at(_ index: Int, of tokens: [TokenLogprob], uncovered: String = "", parentID: String, chosen: String) -> RunBranch {
        let before = Array(tokens.prefix(index))
        // The model's own probability for the chosen token, when it was one of the alternatives there.
        let offered = tokens.indices.contains(index) ? tokens[index].top.first { $0.token == chosen } : nil
        let chosenToken = TokenLogprob(token: chosen, logprob: offered?.logprob ?? .nan, top: tokens.indices.contains(index) ? tokens[index].top : [])
        return RunBranch(
            parentID: parentID, tokenIndex: index, chosen: chosen,
            prefix: uncovered + before.map(\.token).joined() + chosen, prefixTokens: before + [chosenToken], untokenized: uncovered
        )
    }
}

extension WorkbenchState {
    /// The branch tree a run belongs to: its root and every branch below it, oldest first (just the run
    /// when it has none).
    public func branchFamily(of runID: String) -> [RunState] {
        var root = runID
        var seen: Set<String> = [root]
        while let parent = runs.last(where: { $0.id == root })?.branch?.parentID, runs.contains(where: { $0.id == parent }), seen.insert(parent).inserted {
            root = parent
        }
        var members: Set<String> = [root]
        for run in runs where run.branch.map({ members.contains($0.parentID) }) ?? false { members.insert(run.id) }
        return runs.filter { members.contains($0.id) }
    }
}
