import PromptFiles
import Providers
import TerminalUI

/// The one place state changes: `reduce` folds an action into the state and returns the effects to run.
/// Pure and synchronous: no clocks (time comes in as `now`), no I/O.
public struct WorkbenchReducer: Sendable {
    public var keymap: Keymap
    public var prices: PriceTable
    public var providers: [String: ProviderSpec]
    /// Ask before a comparison whose estimate is above this (config `budget_usd`).
    public var budget: Double?
    /// Seconds after the first unsaved change before autosave writes (so a kill loses at most this much).
    public var autosaveDelay = 0.5

    public init(keymap: Keymap, prices: PriceTable, providers: [ProviderSpec], budget: Double? = nil) {
        self.keymap = keymap
        self.prices = prices
        self.budget = budget
        self.providers = Dictionary(providers.map { ($0.name, $0) }, uniquingKeysWith: { _, new in new })
    }

    /// Folds `action` into `state` at monotonic time `now`.
    public func reduce(_ state: inout WorkbenchState, _ action: Action, now: Double) -> [Effect] {
        state.now = now
        if let expiry = state.notice?.expiresAt, expiry <= now { state.notice = nil }
        if !state.replays.isEmpty { advanceReplays(&state) }
        var effects: [Effect]
        switch action {
        case .input(let event):
            effects = handle(event, &state)
        case .tick:
            effects = []
        case .part(let runID, let part):
            applyPart(part, to: runID, &state)
            effects = []
        case .runEnded(let runID):
            endRun(runID, &state)
            effects = evaluationRunEnded(runID, &state)
        case .toolAsked(let id, let runID, let question):
            effects = askForToolAnswer(id, runID: runID, question, &state)
        case .modelsUpdated(let entries):
            state.models = entries
            effects = []
        case .schemaEdited(let text, let message):
            schemaEdited(text, message: message, &state)
            effects = []
        case .externalEditorFinished(let pane, let text, let message):
            if let text {
                if pane == .variables {
                    setSelectedVariable(text, &state)
                } else {
                    _ = state.withEditor(pane) { editor in
                        editor.selectAll()
                        editor.paste(text)
                    }
                    refreshVariables(&state)
                }
            }
            if let message { state.notice = Notice(message, level: text == nil ? .error : .info, expiresAt: now + 6) }
            effects = []
        case .notice(let notice):
            state.notice = notice
            effects = []
        case .persistentWarning(let warning):
            state.persistentWarning = warning
            effects = []
        case .sessionsListed, .sessionsSearched, .sessionOpened, .savedRunLoaded, .savedGroupLoaded, .sessionMessage:
            effects = applySessionAction(action, &state)
        case .tokensCounted(let counts):
            if case .gridSetup(var setup) = state.overlay {
                for (cell, tokens) in counts where setup.cells.indices.contains(cell) { setup.cells[cell].countedInputTokens = tokens }
                state.overlay = .gridSetup(setup)
            }
            effects = []
        case .attachmentsLoaded(let entries, let files, let error):
            effects = applyAttachmentsLoaded(entries: entries, files: files, error: error, &state)
        case .attachmentTokensCounted(let entries, let counts):
            if entries == state.attachments.requested, counts.count == state.attachments.files.count {
                state.attachments.summaries = zip(state.attachments.files, counts).map { AttachmentSummary($0, countedTokens: $1) }
            }
            effects = []
        case .attachableFilesListed(let files):
            if case .attachPicker(var picker) = state.overlay {
                picker.candidates = files
                state.overlay = .attachPicker(picker)
            }
            effects = []
        case .promptInspected(let inspection, let error):
            applyInspection(inspection, error: error, &state)
            effects = []
        case .labelsScored(let runID, let scores, let error):
            state.comparison?.labelScores[runID] = scores.map { .scored($0) } ?? .failed(error ?? "no scores")
            effects = []
        case .evaluationPrepared(let prepared):
            state.preparingEvaluation = false
            if let warning = prepared.warnings.first { state.notice = Notice(warning, level: .warning, expiresAt: now + 8) }
            effects = applyEvaluationPrepared(prepared, confirmed: false, &state)
        case .evaluationFailed(let message):
            state.preparingEvaluation = false
            state.notice = Notice(message, level: .error)
            effects = []
        case .cellGraded(let runID, let results):
            applyCellGraded(runID, results, &state)
            effects = []
        case .casesLoaded(let cases, let error):
            applyCasesLoaded(cases, error: error, &state)
            effects = []
        case .casesImported(let cases, let source, let error):
            effects = applyCasesImported(cases, source: source, error: error, &state)
        case .imagePreviewsDecoded(let previews):
            state.context.pending.subtract(previews.keys)
            state.context.previews.merge(previews) { _, new in new }
            effects = []
        case .documentSaved, .documentMoved, .documentSaveFailed, .documentChangedOnDisk, .documentUnreadable, .promptFileCreated:
            effects = applyDocumentAction(action, &state)
        }
        // Stream parts never change the layout; everything else may (sizes, focus, variable count).
        if case .part = action {} else {
            syncViewports(&state)
            if case .gridSetup(var setup) = state.overlay {
                setup.estimate = estimate(setup, state)
                setup.budget = budget
                state.overlay = .gridSetup(setup)
            }
            effects += trackDocument(&state)
            effects += trackAttachments(&state)
            effects += decodeNewImagePreviews(&state)
        }
        return effects
    }

    func handle(_ event: InputEvent, _ state: inout WorkbenchState) -> [Effect] {
        switch event {
        case .resize(let width, let height):
            state.width = max(1, width)
            state.height = max(1, height)
            return []
        case .signal:
            // SIGINT/SIGTERM/SIGHUP from outside: stop streams and leave at once (the terminal is restored by the loop).
            state.shouldQuit = true
            return state.activeRuns.map { .cancelRun(runID: $0.id) } + [.quit]
        case .paste(let text):
            return paste(text, &state)
        case .mouse(let mouse):
            return handleMouse(mouse, &state)
        case .key(let press):
            return handleKey(press, &state)
        }
    }

    /// Tells each editor how big its pane is (wrap width and visible rows) and the response its width.
    func syncViewports(_ state: inout WorkbenchState) {
        let layout = state.layout
        for pane in [PaneID.system, .instruction, .input, .examples] {
            guard let rect = layout.panes[pane] else { continue }
            let inner = rect.inset(by: 1)
            _ = state.withEditor(pane) { editor in
                if editor.wrapWidth != max(1, inner.width) || editor.viewHeight != max(1, inner.height) {
                    editor.setViewport(width: max(1, inner.width), height: max(1, inner.height))
                }
            }
        }
        if let rect = layout.panes[.response] {
            let width = max(1, rect.width - 2)
            if state.response.wrapped.width != width { state.response.wrapped.setWidth(width) }
            clampResponseScroll(&state)
        }
    }

    /// Rows the response pane shows.
    func responseHeight(_ state: WorkbenchState) -> Int {
        max(1, (state.layout.panes[.response]?.height ?? 3) - 2)
    }
}
