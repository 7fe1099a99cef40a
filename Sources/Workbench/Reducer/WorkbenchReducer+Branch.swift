import Foundation
import Providers
import TerminalUI

/// Branching from a token: in the probability view, pick an alternative the model offered at the cursor
/// (↑/↓, Enter) or type one (`b`), and the model continues the answer from there as a new run — a
/// branch of the shown one. `B` shows the run and all its branches side by side.
extension WorkbenchReducer {
    /// ↑/↓ in the probability view: the alternative Enter will branch from.
    func moveAlternative(_ command: Command, _ state: inout WorkbenchState) {
        guard let run = state.shownRun else { return }
        let tokens = run.shownTokens
        guard tokens.indices.contains(state.response.tokenCursor) else { return }
        let count = tokens[state.response.tokenCursor].top.count
        guard count > 0 else { return }
        let step = command == .scrollUp ? -1 : 1
        state.response.alternative = min(max(0, state.response.alternative + step), count - 1)
    }

    /// Enter in the probability view: branch with the alternative picked at the cursor.
    func branchFromPickedAlternative(_ state: inout WorkbenchState) -> [Effect] {
        guard let run = state.shownRun else { return [] }
        let tokens = run.shownTokens
        let cursor = state.response.tokenCursor
        guard tokens.indices.contains(cursor) else { return [] }
        let top = tokens[cursor].top
        guard top.indices.contains(state.response.alternative) else {
            state.notice = Notice("no alternatives here: type a token to branch with (\(keymap.hint(for: .branchTyped) ?? "b"))", level: .info, expiresAt: state.now + 4)
            return []
        }
        return startBranch(of: run, at: cursor, with: top[state.response.alternative].token, &state)
    }

    /// `b`: asks for the token to put at the cursor.
    func askForBranchToken(_ state: inout WorkbenchState) -> [Effect] {
        guard state.response.probabilities, let run = state.shownRun, !run.shownTokens.isEmpty else {
            state.notice = Notice("branching starts in the probability view (\(keymap.hint(for: .toggleProbabilities) ?? "p")) of an answer with token probabilities", level: .info, expiresAt: state.now + 4)
            return []
        }
        let cursor = min(state.response.tokenCursor, run.shownTokens.count - 1)
        state.overlay = .textPrompt(TextPromptState(
            title: "Branch at token \(cursor + 1) (\(TokenProbabilityView.quoted(run.shownTokens[cursor].token))): the text to continue from",
            editor: TextEditorState(), purpose: .branchToken(runID: run.id, token: cursor)
        ))
        return []
    }

    /// Starts the model continuing `run`'s answer from token `index` replaced by `chosen`.
    func startBranch(of run: RunState, at index: Int, with chosen: String, _ state: inout WorkbenchState) -> [Effect] {
        guard !chosen.isEmpty else { return [] }
        guard let spec = providers[run.model.provider] else {
            state.notice = Notice("no provider called \(run.model.provider) any more: cannot branch this run", level: .error)
            return []
        }
        if let reason = spec.cannotContinue(mode: run.mode) {
            state.notice = Notice(reason, level: .warning, expiresAt: state.now + 8)
            return []
        }
        let branch = RunBranch.at(index, of: run.shownTokens, uncovered: run.branch?.untokenized ?? "", parentID: run.id, chosen: chosen)
        let request: ModelRequest
        do {
            var parameters = run.parameters
            // The branch is read in the same view: its tokens come with probabilities too.
            if parameters.logprobs == nil { parameters.logprobs = 5 }
            request = try run.prompt.request(model: run.model.model, parameters: parameters, mode: run.mode).continuing(from: branch.prefix)
        } catch {
            state.notice = Notice(error.message, level: .error)
            return []
        }
        state.runCounter += 1
        let id = "r\(state.runCounter)"
        var new = RunState(
            id: id, model: run.model, parameters: request.parameters, mode: run.mode, prompt: run.prompt,
            startedAt: state.now, price: prices.price(for: run.model), protocolName: spec.protocolName
        )
        new.branch = branch
        let parentName = run.label.map { "“\($0)”" } ?? "run \(run.id.dropFirst())"
        new.label = "branch of \(parentName) at token \(index + 1)"
        state.runs.append(new)
        // The response pane follows the branch, still in the probability view, its cursor on the new token.
        state.response = ResponseViewState()
        state.response.showReasoning = true
        state.response.probabilities = true
        state.response.tokenCursor = index
        state.response.wrapped.append(TextSanitizer.sanitize(branch.prefix), role: .responseText, inertRole: .responseInert)
        state.notice = Notice("branching at token \(index + 1) with \(TokenProbabilityView.quoted(chosen)): \(keymap.hint(for: .showBranches) ?? "B") shows the branches side by side",
                              level: .info, expiresAt: state.now + 5)
        return [.startRun(RunRequest(runID: id, model: run.model, request: request, prompt: run.prompt, label: new.label, branch: branch))]
    }

    /// `B`: the shown run, its root and every branch of that root as columns (`d` diffs two of them).
    func showBranches(_ state: inout WorkbenchState) -> [Effect] {
        guard let shown = state.shownRun else { return [] }
        let family = state.branchFamily(of: shown.id)
        guard family.count >= 2 else {
            state.notice = Notice("this answer has no branches yet: in the probability view pick an alternative and press Enter", level: .info, expiresAt: state.now + 4)
            return []
        }
        let columns = family.map { run in
            ComparisonState.Column(
                runID: run.id,
                title: run.branch.map { "at \($0.tokenIndex + 1): \(TokenProbabilityView.quoted($0.chosen))" } ?? "original",
                subtitle: run.model.description
            )
        }
        var comparison = ComparisonState(title: "Branches of run \(family[0].id.dropFirst()) (\(family.count))", columns: columns)
        comparison.focused = family.firstIndex { $0.id == shown.id } ?? 0
        state.comparison = comparison
        return []
    }
}
