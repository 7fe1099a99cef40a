import Foundation
import Providers
import Sessions
import TerminalUI

/// Everything that can happen to the workbench: input, stream parts, results of effects.
public enum Action: Sendable {
    case input(InputEvent)
    /// Time passed (spinner, elapsed time, notices).
    case tick
    case part(runID: String, StreamPart)
    /// The run's stream closed.
    case runEnded(runID: String)
    /// The model list, keys and reachability were refreshed.
    case modelsUpdated([ModelEntry])
    /// `$EDITOR` returned; nil when it failed (the message says why).
    case externalEditorFinished(PaneID, text: String?, message: String?)
    /// Something happened outside that the user should know (session folder read-only, a copy done).
    case notice(Notice)
    case persistentWarning(String?)
    /// The sessions folder was listed (problems: files that could not be read).
    case sessionsListed([SessionSummary], problems: [String], current: URL?)
    /// Full-text search results for a query.
    case sessionsSearched(query: String, hits: [SearchHit])
    case sessionOpened(SessionScan)
    case savedRunLoaded(RecordedRun, file: URL, purpose: SavedRunPurpose)
    /// A session operation failed or finished (rename, delete, open).
    case sessionMessage(String, isError: Bool)
}

/// Work the reducer asks for; the effect runner does the I/O and answers with actions.
public enum Effect: Sendable, Equatable {
    case startRun(RunRequest)
    case cancelRun(runID: String)
    case copyToClipboard(String)
    case openExternalEditor(PaneID, text: String)
    case refreshModels
    case quit
    case listSessions
    case searchSessions(String)
    case openSession(URL)
    case loadSavedRun(RunSummary, file: URL, purpose: SavedRunPurpose)
    case renameSession(URL, title: String)
    case deleteSession(URL)
}

/// Everything needed to start one run.
public struct RunRequest: Sendable, Equatable {
    public var runID: String
    public var model: ModelRef
    public var request: ModelRequest
    public var prompt: Prompt
    /// What the run is, when it is more than a plain run ("re-run of run 3").
    public var label: String?
    /// The instruction variant's name, in comparisons.
    public var variant: String?

    public init(runID: String, model: ModelRef, request: ModelRequest, prompt: Prompt, label: String? = nil, variant: String? = nil) {
        self.runID = runID
        self.model = model
        self.request = request
        self.prompt = prompt
        self.label = label
        self.variant = variant
    }
}
