import Evaluation
import Foundation
import Providers
import TerminalUI

extension WorkbenchReducer {
    /// Ctrl-R: checks the prompt, cancels a run still streaming (the prompt has moved on), starts a new one.
    func startRun(_ state: inout WorkbenchState) -> [Effect] {
        commitVariableEdit(&state)
        guard let spec = providers[state.model.provider] else {
            state.notice = Notice("no provider called \(state.model.provider): pick a model with \(keymap.hint(for: .modelSwitcher) ?? "the switcher")", level: .error)
            return []
        }
        if let why = attachmentsBlockRun(state) {
            state.notice = Notice(why, level: .error)
            return []
        }
        let prompt = state.prompt
        if let first = prompt.missingVariables.first {
            let list = prompt.missingVariables.map { "{{\($0)}}" }.joined(separator: ", ")
            state.notice = Notice("no value for \(list): type one in the Variables table (Enter edits)", level: .error)
            state.focus = .variables
            state.variables.selected = state.variables.names.firstIndex(of: first) ?? 0
            return []
        }
        var request: ModelRequest
        do {
            request = try prompt.request(model: state.model.model, parameters: state.parameters, mode: state.mode)
        } catch {
            state.notice = Notice(error.message, level: .error)
            return []
        }
        var effects: [Effect] = []
        for run in state.activeRuns {
            cancelRun(run.id, &state)
            effects.append(.cancelRun(runID: run.id))
        }
        state.runCounter += 1
        let id = "r\(state.runCounter)"
        let run = RunState(
            id: id, model: state.model, parameters: state.parameters, mode: state.mode, prompt: prompt,
            startedAt: state.now, price: prices.price(for: state.model), protocolName: spec.protocolName
        )
        state.runs.append(run)
        let probabilities = state.response.probabilities
        state.response = ResponseViewState()
        state.response.showReasoning = true
        state.response.probabilities = probabilities  // the view stays on across runs; its cursor starts over
        state.notice = nil
        let tools = ToolSetup(state.document.base)
        tools?.apply(to: &request)
        var started = RunRequest(runID: id, model: state.model, request: request, prompt: prompt)
        started.tools = tools
        effects.append(.startRun(started))
        return effects
    }

    func runIndex(_ id: String, _ state: WorkbenchState) -> Int? {
        // An evaluation's cells know where their runs are: no search through ten thousand runs per part.
        if let evaluation = state.evaluation, let cell = evaluation.cellOfRun[id], let i = evaluation.cells[cell].runPosition,
           state.runs.indices.contains(i), state.runs[i].id == id { return i }
        return state.runs.lastIndex { $0.id == id }
    }

    func applyPart(_ part: StreamPart, to id: String, _ state: inout WorkbenchState) {
        guard let i = runIndex(id, state) else { return }
        // Parts that arrive after a cancel (already in flight) are dropped, so a cancelled run stays as it was.
        guard state.runs[i].phase.isActive else { return }
        let shownBefore = state.runs[i].result.shownText.utf8.count
        state.runs[i].apply(part, at: state.now)
        guard state.shownRun?.id == id else { return }
        switch part {
        case .toolCallDelta, .toolResult:
            showToolStep(from: shownBefore, of: state.runs[i], &state)
        case .textDelta(let text):
            if state.response.sawReasoning, !state.response.sawTextAfterReasoning, state.response.showReasoning {
                state.response.sawTextAfterReasoning = true
                appendSanitized(flushSanitizer(&state), role: .responseReasoning, &state)
                state.response.wrapped.append("\n\n", role: .responseText)
            }
            appendSanitized(state.response.sanitizer.feed(text), role: .responseText, &state)
        case .reasoningDelta(let text):
            guard state.response.showReasoning else { return }
            if !state.response.sawReasoning {
                state.response.sawReasoning = true
                state.response.wrapped.append("thinking\n", role: .responseMeta)
            }
            appendSanitized(state.response.sanitizer.feed(text), role: .responseReasoning, &state)
        case .error:
            appendFooter(state.runs[i], &state)
        default:
            break
        }
    }

    func endRun(_ id: String, _ state: inout WorkbenchState) {
        guard let i = runIndex(id, state) else { return }
        let wasActive = state.runs[i].phase.isActive
        state.runs[i].end(at: state.now)
        if state.evaluation?.isReplay == true { applyRecordedChecks(id, &state) }
        if wasActive, !state.runs[i].result.failed, state.shownRun?.id == id { appendFooter(state.runs[i], &state) }
        if case .failed = state.runs[i].phase, let error = state.runs[i].result.error {
            state.notice = Notice(error.description, level: .error)
        }
    }

    /// Marks a run cancelled now (the effect runner stops the stream) and closes its text.
    func cancelRun(_ id: String, _ state: inout WorkbenchState) {
        guard let i = runIndex(id, state), state.runs[i].phase.isActive else { return }
        state.runs[i].cancel(at: state.now)
        if state.shownRun?.id == id { appendFooter(state.runs[i], &state) }
    }

    func flushSanitizer(_ state: inout WorkbenchState) -> SanitizedText {
        state.response.sanitizer.finish()
    }

    func appendSanitized(_ piece: SanitizedText, role: ThemeRole, _ state: inout WorkbenchState) {
        guard !piece.text.isEmpty else { return }
        state.response.wrapped.append(piece, role: role, inertRole: .responseInert)
    }

    /// The closing line under an answer: how it ended, shown in place, partial answer kept above it.
    func appendFooter(_ run: RunState, _ state: inout WorkbenchState) {
        let role: ThemeRole = state.response.sawReasoning && !state.response.sawTextAfterReasoning ? .responseReasoning : .responseText
        appendSanitized(flushSanitizer(&state), role: role, &state)
        let (line, footerRole) = Self.footer(for: run)
        state.response.wrapped.append(state.response.wrapped.isEmpty ? line : "\n\n" + line, role: footerRole)
    }

    /// The footer text and role for a run that ended.
    static func footer(for run: RunState) -> (String, ThemeRole) {
        switch run.phase {
        case .failed:
            let message = run.result.error.map { TextSanitizer.plainSanitized($0.description) } ?? "the run failed"
            let kept = run.result.text.isEmpty ? "" : " (the partial answer above is kept)"
            return ("✖ \(message)\(kept)", .error)
        case .cancelled:
            return ("■ cancelled" + (run.result.text.isEmpty ? "" : " (the partial answer above is kept)"), .warning)
        default:
            let finish = run.result.finish
            let label = finish.map { f in f.raw.map { $0 == f.kind.rawValue ? $0 : "\(f.kind.rawValue) (\($0))" } ?? f.kind.rawValue } ?? "done"
            let out = run.outputTokens
            return ("■ \(label) · \(out.count)\(out.exact ? "" : "~") tokens · \(MeterFormat.seconds(run.elapsed(now: run.endedAt ?? run.startedAt)))", .responseMeta)
        }
    }

    /// Rebuilds the shown run's wrapped text (after hiding/showing reasoning or switching runs).
    func rebuildResponse(_ state: inout WorkbenchState) {
        let show = state.response.showReasoning
        let width = state.response.wrapped.width
        var view = ResponseViewState()
        view.runID = state.response.runID
        view.showReasoning = show
        view.probabilities = state.response.probabilities
        view.tokenCursor = state.response.tokenCursor
        view.alternative = state.response.alternative
        view.wrapped = WrappedText(width: width)
        view.follow = state.response.follow
        view.top = state.response.top
        state.response = view
        guard let run = state.shownRun else { return }
        if show, !run.result.reasoning.isEmpty {
            state.response.sawReasoning = true
            state.response.wrapped.append("thinking\n", role: .responseMeta)
            state.response.wrapped.append(TextSanitizer.sanitize(run.result.reasoning), role: .responseReasoning, inertRole: .responseInert)
            if !run.result.text.isEmpty {
                state.response.sawTextAfterReasoning = true
                state.response.wrapped.append("\n\n", role: .responseText)
            }
        }
        state.response.wrapped.append(TextSanitizer.sanitize(run.shownAnswer), role: .responseText, inertRole: .responseInert)
        if !run.phase.isActive { appendFooter(run, &state) }
    }

    /// Scrolls the response; scrolling to the end resumes following the tail.
    func scrollResponse(_ command: Command, _ state: inout WorkbenchState) {
        let height = responseHeight(state)
        let maxTop = max(0, state.response.wrapped.lineCount - height)
        var top = state.response.follow ? maxTop : state.response.top
        switch command {
        case .scrollUp: top -= 1
        case .scrollDown: top += 1
        case .pageUp: top -= max(1, height - 1)
        case .pageDown: top += max(1, height - 1)
        case .scrollTop: top = 0
        case .scrollBottom: top = maxTop
        default: break
        }
        state.response.top = min(max(0, top), maxTop)
        state.response.follow = state.response.top >= maxTop
    }

    func clampResponseScroll(_ state: inout WorkbenchState) {
        let maxTop = max(0, state.response.wrapped.lineCount - responseHeight(state))
        if state.response.follow { state.response.top = maxTop } else { state.response.top = min(state.response.top, maxTop) }
    }
}

