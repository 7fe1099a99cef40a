import Evaluation
import Foundation
import Platform
import PromptFiles
import Providers
import Sessions
import TerminalUI

/// The one loop: input and effect results become actions, the reducer folds them into state, effects
/// go to the runner, and the state is drawn — at most ~60 frames a second, never once per token.
public final class WorkbenchLoop {
    public let backend: any TerminalBackend
    public let reducer: WorkbenchReducer
    public private(set) var state: WorkbenchState
    public var theme: ResolvedTheme
    public let queue: ActionQueue
    let runner: EffectRunner
    /// Called after the first frame is on screen (start-up measurements).
    public var onFirstFrame: (() -> Void)?

    private var lastFrame: CellBuffer?
    private let columnCache = ColumnTextCache()
    private let paneCache = PaneCellCache()
    private var lastDrawAt: Double = -1
    private var lastTickAt: Double = 0
    private var dirty = true
    public private(set) var framesDrawn = 0

    static let frameInterval = 1.0 / 60

    public init(backend: any TerminalBackend, reducer: WorkbenchReducer, state: WorkbenchState, theme: ResolvedTheme,
                models: any ModelProvider, observer: (any RunObserver)? = nil, sessions: SessionStore? = nil,
                limiter: ConcurrencyLimiter = ConcurrencyLimiter(limits: [:]), checks: CheckRunner? = nil) {
        self.backend = backend
        self.reducer = reducer
        self.state = state
        self.theme = theme
        self.queue = ActionQueue(waker: backend.waker)
        self.runner = EffectRunner(models: models, queue: queue, observer: observer, sessions: sessions, limiter: limiter, checks: checks)
        self.state.width = backend.width
        self.state.height = backend.height
    }

    /// Runs until the user quits (or a signal asks us to); streams still running are cancelled.
    public func run() {
        dispatch(.input(.resize(width: backend.width, height: backend.height)))
        draw()
        onFirstFrame?()
        runner.perform(.refreshModels)
        while !state.shouldQuit {
            step(timeoutMilliseconds: nextTimeout())
        }
        runner.cancelAll()
        runner.document.stopWatching()
        saveOnExit()
    }

    /// The prompt file's keeper (the command adopts the opened file with it).
    public var document: DocumentKeeper { runner.document }

    /// Set when the last save on the way out failed: the command prints it once the terminal is back.
    public private(set) var exitMessage: String?

    /// Writes what autosave has not written yet, waiting for it: quitting never loses a keystroke.
    public func saveOnExit() {
        guard let url = state.document.url, state.document.readOnlyReason == nil, state.document.conflict == nil else { return }
        let text = PromptFileWriter.text(of: state.promptDocument)
        guard text != state.document.savedText else { return }
        if let failure = runner.document.saveAndWait(text, to: url) {
            exitMessage = failure
        }
    }

    /// One turn of the loop: wait, fold in what arrived, draw if due. Public for tests.
    public func step(timeoutMilliseconds: Int?) {
        let events = backend.waitForEvents(timeoutMilliseconds: timeoutMilliseconds)
        for event in events { dispatch(.input(event)) }
        for action in queue.drain() { dispatch(action) }
        let now = MonotonicClock.now()
        if state.needsTicks, now - lastTickAt >= state.tickInterval {
            lastTickAt = now
            dispatch(.tick)
        }
        // Keys draw at once (typing latency); stream parts wait for the next frame slot.
        if dirty, !events.isEmpty || now - lastDrawAt >= Self.frameInterval { draw() }
    }

    /// Folds one action in and performs its effects.
    public func dispatch(_ action: Action) {
        let effects = reducer.reduce(&state, action, now: MonotonicClock.now())
        dirty = true
        for effect in effects { perform(effect) }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .copyToClipboard(let text):
            backend.copyToClipboard(text)
        case .openExternalEditor(let pane, let text):
            let result = ExternalEditor.edit(text, suspending: backend)
            lastFrame = nil
            dispatch(.externalEditorFinished(pane, text: result.text, message: result.message))
        case .editSchema(let text):
            let result = ExternalEditor.edit(text, suspending: backend)
            lastFrame = nil
            dispatch(.schemaEdited(text: result.text, message: result.message))
        case .quit:
            state.shouldQuit = true
        case .startRun, .cancelRun, .refreshModels, .listSessions, .searchSessions, .openSession, .loadSavedRun, .loadSavedGroup, .renameSession,
             .deleteSession, .startGroup, .countTokens, .recordVerdict, .saveDocument, .saveDocumentAs, .writeCopy, .exportRunsToPromptFile, .inspectPrompt,
             .scoreLabels, .prepareEvaluation, .gradeCell, .loadCases, .readCaseFile, .loadAttachments, .listAttachableFiles, .countAttachmentTokens, .decodeImagePreviews, .answerTool:
            runner.perform(effect)
        }
    }

    private func draw() {
        let frame = WorkbenchView(state: state, theme: theme, keymap: reducer.keymap, columnCache: columnCache, paneCache: paneCache).render()
        backend.present(frame, changes: frame.changes(since: lastFrame))
        lastFrame = frame
        lastDrawAt = MonotonicClock.now()
        dirty = false
        framesDrawn += 1
    }

    /// How long the next wait may block: until the next frame slot when something changed, until the
    /// next tick while something animates, forever when idle (no CPU while nothing happens).
    private func nextTimeout() -> Int? {
        let now = MonotonicClock.now()
        var deadline: Double?
        if dirty { deadline = lastDrawAt + Self.frameInterval }
        if state.needsTicks { deadline = min(deadline ?? .infinity, lastTickAt + state.tickInterval) }
        guard let deadline else { return nil }
        return max(0, Int(((deadline - now) * 1000).rounded(.up)))
    }
}
