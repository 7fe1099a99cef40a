import Foundation
import Providers
import Sessions
import TerminalUI

extension WorkbenchReducer {
    func openBrowser(_ state: inout WorkbenchState) -> [Effect] {
        state.overlay = .sessions(BrowserState())
        return [.listSessions]
    }

    /// Keys in the session browser. `/` types a search; letters are commands otherwise.
    func handleBrowserKey(_ press: KeyPress, _ browser: inout BrowserState, _ state: inout WorkbenchState) -> [Effect] {
        switch browser.mode {
        case .browsing:
            break
        case .renaming(var title):
            let outcome = LineInput(keymap: keymap).reduce(press, &title)
            browser.mode = .renaming(title)
            switch outcome {
            case .submit:
                browser.mode = .browsing
                guard let file = selectedSession(browser)?.file, !title.text.isEmpty else { return [] }
                return [.renameSession(file, title: title.text)]
            case .cancel: browser.mode = .browsing
            case .changed, .moved, .ignored: break
            }
            return []
        case .confirmingDelete:
            browser.mode = .browsing
            if press.key == .char("y") || press.key == .char("Y"), let file = selectedSession(browser)?.file { return [.deleteSession(file)] }
            return []
        case .searching:
            switch LineInput(keymap: keymap).reduce(press, &browser.query) {
            case .submit:
                browser.mode = .browsing
                let q = browser.query.text.trimmingCharacters(in: .whitespaces)
                browser.list = ListViewState(selected: 0)
                return q.isEmpty ? [] : [.searchSessions(q)]
            case .cancel:
                browser.mode = .browsing
                browser.query = TextEditorState()
                browser.hits = nil
            case .changed: browser.list = ListViewState(selected: 0)
            case .moved, .ignored: break
            }
            return []
        }
        let count = browserRowCount(browser)
        switch keymap.command(for: press, in: [.browser, .list]) {
        case .scrollUp: browser.list.moveSelection(by: -1, count: count)
        case .scrollDown: browser.list.moveSelection(by: 1, count: count)
        case .pageUp: browser.list.moveSelection(by: -10, count: count)
        case .pageDown: browser.list.moveSelection(by: 10, count: count)
        case .search:
            browser.mode = .searching
        case .confirm:
            switch browser.level {
            case .sessions:
                if let s = selectedSession(browser) { return [.openSession(s.file)] }
            case .runs(let scan):
                if let run = selectedRun(browser) { return [.loadSavedRun(run, file: scan.summary.file, purpose: .fork)] }
            }
        case .replay, .rerun:
            guard case .runs(let scan) = browser.level, let run = selectedRun(browser) else {
                state.notice = Notice("open a session first (Enter), then pick a run", level: .info, expiresAt: state.now + 4)
                return []
            }
            let command = keymap.command(for: press, in: [.browser])
            return [.loadSavedRun(run, file: scan.summary.file, purpose: command == .replay ? .replay : .rerun)]
        case .replayGroup:
            guard case .runs(let scan) = browser.level, let run = selectedRun(browser) else { return [] }
            guard let group = run.group else {
                // A run with branches (or a branch) replays with the whole tree side by side.
                let family = run.branchFamily(in: scan.runs)
                if family.count > 1 { return [.loadSavedGroup(family, group: 0, file: scan.summary.file)] }
                state.notice = Notice("run \(run.run) is not part of a comparison and has no branches: p replays it alone", level: .info, expiresAt: state.now + 4)
                return []
            }
            return [.loadSavedGroup(scan.runs.filter { $0.group == group }, group: group, file: scan.summary.file)]
        case .exportPrompt:
            guard case .runs(let scan) = browser.level, let run = selectedRun(browser) else {
                state.notice = Notice("open a session first (Enter), then pick a run", level: .info, expiresAt: state.now + 4)
                return []
            }
            let runs = run.group.map { group in scan.runs.filter { $0.group == group } } ?? [run]
            let slug = String(scan.summary.title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.prefix(40))
                .split(separator: "-").joined(separator: "-")
            let name = (slug.isEmpty ? "session" : slug) + "-run-\(run.run).refract.toml"
            let what = runs.count > 1 ? "the comparison of run \(run.run) (\(runs.count) runs)" : "run \(run.run)"
            state.overlay = .textPrompt(TextPromptState(title: "Write \(what) to a new prompt file", editor: TextEditorState(text: name),
                                                        purpose: .exportRuns(runs, session: scan.summary.file)))
            return []
        case .back:
            if case .runs(let scan) = browser.level {
                browser.level = .sessions
                browser.list = ListViewState(selected: browser.visibleSessions.firstIndex { $0.file == scan.summary.file } ?? 0)
            }
        case .rename:
            if case .sessions = browser.level, let s = selectedSession(browser) { browser.mode = .renaming(TextEditorState(text: s.title)) }
        case .delete:
            guard case .sessions = browser.level, let s = selectedSession(browser) else { return [] }
            if s.file.standardizedFileURL == browser.currentFile?.standardizedFileURL {
                state.notice = Notice("that is the session this workbench is recording into; it can be deleted after you quit", level: .warning, expiresAt: state.now + 5)
            } else {
                browser.mode = .confirmingDelete
            }
        case .close, .cancel:
            if case .runs = browser.level {
                browser.level = .sessions
                browser.list = ListViewState(selected: 0)
            } else {
                state.overlay = nil
            }
        case .quit:
            return execute(.quit, &state)
        default:
            break
        }
        return []
    }

    func browserRowCount(_ browser: BrowserState) -> Int {
        switch browser.level {
        case .sessions: browser.visibleSessions.count
        case .runs(let scan): scan.runs.count
        }
    }

    func selectedSession(_ browser: BrowserState) -> SessionSummary? {
        let visible = browser.visibleSessions
        guard case .sessions = browser.level, let i = browser.list.selected, visible.indices.contains(i) else { return nil }
        return visible[i]
    }

    func selectedRun(_ browser: BrowserState) -> RunSummary? {
        guard case .runs(let scan) = browser.level, let i = browser.list.selected, scan.runs.indices.contains(i) else { return nil }
        return scan.runs[i]
    }

    /// Results of session effects, folded into the browser (when it is still open) or the workbench.
    func applySessionAction(_ action: Action, _ state: inout WorkbenchState) -> [Effect] {
        switch action {
        case .sessionsListed(let sessions, let problems, let current):
            updateBrowser(&state) { b in
                b.sessions = sessions
                b.problems = problems
                b.loaded = true
                b.currentFile = current
                if let i = b.list.selected, i >= b.visibleSessions.count { b.list = ListViewState(selected: max(0, b.visibleSessions.count - 1)) }
            }
        case .sessionsSearched(let query, let hits):
            updateBrowser(&state) { b in
                guard b.query.text.trimmingCharacters(in: .whitespaces) == query else { return }
                b.hits = hits
                b.searchedQuery = query
                b.list = ListViewState(selected: 0)
            }
        case .sessionOpened(let scan):
            updateBrowser(&state) { b in
                b.level = .runs(scan)
                b.list = ListViewState(selected: max(0, scan.runs.count - 1))
            }
            if !scan.problems.isEmpty { state.notice = Notice(scan.problems.map(\.message).joined(separator: "; "), level: .warning, expiresAt: state.now + 8) }
        case .savedRunLoaded(let saved, _, let purpose):
            state.overlay = nil
            return loadSavedRun(saved, purpose: purpose, &state)
        case .savedGroupLoaded(let runs, let group):
            state.overlay = nil
            // An evaluation (its runs carry check results) replays as its matrix; a comparison as columns.
            if !replayEvaluation(runs, group: group, &state) { replayGroup(runs, group: group, &state) }
        case .sessionMessage(let text, let isError):
            state.notice = Notice(text, level: isError ? .error : .success, expiresAt: state.now + 6)
            if case .sessions = state.overlay { return [.listSessions] }
        default:
            break
        }
        return []
    }

    func updateBrowser(_ state: inout WorkbenchState, _ body: (inout BrowserState) -> Void) {
        guard case .sessions(var browser) = state.overlay else { return }
        body(&browser)
        state.overlay = .sessions(browser)
    }

    /// Fork: the prompt back in the editor and the saved answer on screen. Replay: play it back.
    /// Re-run: the same prompt on the current model, side by side with the saved answer.
    func loadSavedRun(_ saved: RecordedRun, purpose: SavedRunPurpose, _ state: inout WorkbenchState) -> [Effect] {
        state.runCounter += 1
        let id = "r\(state.runCounter)"
        let price = prices.price(for: saved.model)
        let proto = providers[saved.model.provider]?.protocolName
        switch purpose {
        case .fork:
            var run = RunState(saved: saved, id: id, now: state.now, price: price, protocolName: proto)
            run.label = "saved run \(saved.run)"
            state.runs.append(run)
            loadPrompt(saved.started.prompt, &state)
            adoptSavedFiles(saved.started.prompt.files, &state)
            state.model = saved.model
            state.parameters = saved.started.params
            state.mode = saved.started.mode
            state.response = ResponseViewState()
            state.response.runID = id
            rebuildResponse(&state)
            state.focus = .input
            state.notice = Notice("loaded run \(saved.run) (\(saved.model)): edit the prompt and run it again", level: .success, expiresAt: state.now + 6)
            return []
        case .replay:
            var run = RunState(id: id, model: saved.model, parameters: saved.started.params, mode: saved.started.mode, prompt: saved.started.prompt,
                               startedAt: state.now, price: price, protocolName: proto)
            run.savedFrom = "run \(saved.run)"
            run.label = "replay of run \(saved.run)"
            run.branch = saved.started.branch.map(RunBranch.init(saved:))
            state.runs.append(run)
            state.response = ResponseViewState()
            state.response.runID = id
            // A branch's answer starts with the text it was branched with, then streams on.
            if let prefix = run.branch?.prefix { state.response.wrapped.append(TextSanitizer.sanitize(prefix), role: .responseText, inertRole: .responseInert) }
            state.replays = [ReplayState(runID: id, clock: ReplayClock(run: saved, speed: .x1), now: state.now)]
            state.focus = .response
            state.notice = Notice("replaying run \(saved.run) ×1 — Space pause, . step, 1/2/0 speed ×1/×2/×10, i instant, Esc stop", level: .info, expiresAt: state.now + 6)
            return []
        case .rerun:
            var original = RunState(saved: saved, id: id, now: state.now, price: price, protocolName: proto)
            original.label = "saved run \(saved.run)"
            state.runs.append(original)
            loadPrompt(saved.started.prompt, &state)
            adoptSavedFiles(saved.started.prompt.files, &state)
            state.parameters = saved.started.params
            if let spec = providers[state.model.provider] { state.mode = spec.defaultMode(for: state.model.model) }
            var effects = startRun(&state)
            guard let newID = state.runs.last?.id, newID != id else { return effects }
            state.runs[state.runs.count - 1].label = "re-run of run \(saved.run)"
            effects = effects.map { effect in
                guard case .startRun(var request) = effect else { return effect }
                request.label = "re-run of run \(saved.run)"
                return .startRun(request)
            }
            state.comparison = ComparisonState(title: "Re-run of run \(saved.run)", columns: [
                .init(runID: id, title: "saved · \(saved.model)", subtitle: saved.started.at.formatted(date: .abbreviated, time: .shortened)),
                .init(runID: newID, title: "now · \(state.model)", subtitle: nil),
            ])
            state.comparison?.diff = (0, 1)
            return effects
        }
    }

    /// A saved comparison plays back as a grid: every cell replays at once with its own timing.
    func replayGroup(_ saved: [RecordedRun], group: Int, _ state: inout WorkbenchState) {
        guard !saved.isEmpty else { return }
        var columns: [ComparisonState.Column] = []
        state.replays = []
        let variants = Set(saved.compactMap(\.started.variant)).count
        let models = Set(saved.map(\.model)).count
        for run in saved {
            state.runCounter += 1
            let id = "r\(state.runCounter)"
            var replaying = RunState(id: id, model: run.model, parameters: run.started.params, mode: run.started.mode, prompt: run.started.prompt,
                                     startedAt: state.now, price: prices.price(for: run.model), protocolName: providers[run.model.provider]?.protocolName)
            replaying.savedFrom = "run \(run.run)"
            replaying.label = run.started.variant
            replaying.branch = run.started.branch.map(RunBranch.init(saved:))
            state.runs.append(replaying)
            state.replays.append(ReplayState(runID: id, clock: ReplayClock(run: run, speed: .x1), now: state.now))
            let title = run.started.branch.map { "run \(run.run) · at \($0.token + 1): \(TokenProbabilityView.quoted($0.chosen))" }
                ?? [variants > 1 ? run.started.variant : nil, models > 1 || variants <= 1 ? run.model.description : nil].compactMap { $0 }.joined(separator: " · ")
            columns.append(.init(runID: id, title: title.isEmpty ? "run \(run.run)" : title, variant: run.started.variant, model: run.model.description))
        }
        // Group 0: not a comparison but a run and its branches.
        let what = group == 0 ? "run \(saved[0].run) and its branches" : "comparison \(group)"
        state.comparison = ComparisonState(title: "Replay of \(what) (\(saved.count) runs)", columns: columns)
        state.notice = Notice("replaying \(what) ×1 — Space pause, . step, 1/2/0 speed, i instant", level: .info, expiresAt: state.now + 6)
    }

    /// Puts a saved prompt into the three fields and the variables table (each field one undo step).
    func loadPrompt(_ prompt: Prompt, _ state: inout WorkbenchState) {
        for (pane, text) in [(PaneID.system, prompt.system), (.instruction, prompt.instruction), (.input, prompt.input)] {
            _ = state.withEditor(pane) { editor in
                editor.selectAll()
                if text.isEmpty { _ = editor.cut() } else { editor.paste(text) }
            }
        }
        state.variables.values.merge(prompt.variables) { _, saved in saved }
        state.examples.items = prompt.examples.map { ExampleItem(input: $0.input, output: $0.output) }
        state.examples.selected = 0
        state.examples.editing = nil
        refreshVariables(&state)
    }
}
