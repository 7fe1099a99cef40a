import Providers
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
}

/// Work the reducer asks for; the effect runner does the I/O and answers with actions.
public enum Effect: Sendable, Equatable {
    case startRun(RunRequest)
    case cancelRun(runID: String)
    case copyToClipboard(String)
    case openExternalEditor(PaneID, text: String)
    case refreshModels
    case quit
}

/// Everything needed to start one run.
public struct RunRequest: Sendable, Equatable {
    public var runID: String
    public var model: ModelRef
    public var request: ModelRequest
    public var prompt: Prompt

    public init(runID: String, model: ModelRef, request: ModelRequest, prompt: Prompt) {
        self.runID = runID
        self.model = model
        self.request = request
        self.prompt = prompt
    }
}
