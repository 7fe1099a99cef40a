import Evaluation
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
    /// A run's `ask = true` tool wants an answer typed (see `Effect.answerTool`).
    case toolAsked(questionID: Int, runID: String, question: ToolQuestion)
    /// The model list, keys and reachability were refreshed.
    case modelsUpdated([ModelEntry])
    /// `$EDITOR` returned; nil when it failed (the message says why).
    case externalEditorFinished(PaneID, text: String?, message: String?)
    /// `$EDITOR` returned from editing the response schema (nil text: it failed, the message says why).
    case schemaEdited(text: String?, message: String?)
    /// Something happened outside that the user should know (session folder read-only, a copy done).
    case notice(Notice)
    case persistentWarning(String?)
    /// The sessions folder was listed (problems: files that could not be read).
    case sessionsListed([SessionSummary], problems: [String], current: URL?)
    /// Full-text search results for a query.
    case sessionsSearched(query: String, hits: [SearchHit])
    case sessionOpened(SessionScan)
    case savedRunLoaded(RecordedRun, file: URL, purpose: SavedRunPurpose)
    /// Every run of a saved comparison, to replay as a grid.
    case savedGroupLoaded([RecordedRun], group: Int)
    /// A session operation failed or finished (rename, delete, open).
    case sessionMessage(String, isError: Bool)
    /// Input tokens the providers counted for grid cells (cell index → tokens).
    case tokensCounted([Int: Int])
    /// The attached files were read (off the UI thread): for which entries, the files, or why not.
    case attachmentsLoaded(entries: [String], files: [ContextFile], error: String?)
    /// The attached text files' token counts by the local model (nil where it could not count), in file order.
    case attachmentTokensCounted(entries: [String], counts: [Int?])
    /// The files the attach picker offers.
    case attachableFilesListed([AttachableFile])
    /// The prompt file was written (the text and the content fingerprint it captured).
    case documentSaved(text: String, fingerprint: Int)
    /// The prompt file now lives at another path (save as), already written and locked.
    case documentMoved(URL, text: String, fingerprint: Int)
    /// Writing the prompt file failed; the text stays in memory.
    case documentSaveFailed(String)
    /// llama.cpp's view of the prompt arrived (or why it could not).
    case promptInspected(PromptInspection?, error: String?)
    /// A comparison column's labels scored (label mode), or why they could not be.
    case labelsScored(runID: String, LabelScores?, error: String?)
    /// A new prompt file was written from saved runs; the workbench goes on there.
    case promptFileCreated(URL, DiskVersion)
    /// The prompt file changed on disk (another editor, git checkout).
    case documentChangedOnDisk(DiskVersion)
    /// The prompt file changed on disk into something that cannot be read (kept ours, said why).
    case documentUnreadable(String)
    /// The evaluation's cases were read, its plan built and the cache consulted.
    case evaluationPrepared(PreparedEvaluation)
    /// The evaluation could not start (a bad case file, a case missing a value); the message names the place.
    case evaluationFailed(String)
    /// An evaluation cell's checks ran (and were recorded after its run).
    case cellGraded(runID: String, [CheckResult])
    /// The prompt file's cases were read for the Cases pane (or why they could not be).
    case casesLoaded([EvalCase], error: String?)
    /// Cases read from a file to import into the prompt file's `[[cases]]` (as typed: `source`), or why not.
    case casesImported([EvalCase], source: String, error: String?)
    /// Attached images were decoded for the context pane, by their files' hashes.
    case imagePreviewsDecoded([String: AttachmentPreview])
}

/// Work the reducer asks for; the effect runner does the I/O and answers with actions.
public enum Effect: Sendable, Equatable {
    case startRun(RunRequest)
    case cancelRun(runID: String)
    /// What the person typed for a tool's question (nil: they declined).
    case answerTool(questionID: Int, answer: String?)
    case copyToClipboard(String)
    case openExternalEditor(PaneID, text: String)
    /// The response schema's JSON text in `$EDITOR`.
    case editSchema(text: String)
    case refreshModels
    /// Read the prompt's attachments (entries as written; relative ones from `folder`, nil: the working folder).
    case loadAttachments([String], folder: URL?)
    /// Count each attached text file's tokens with a local model (llama.cpp `/tokenize`).
    case countAttachmentTokens([ContextFile], entries: [String], model: ModelRef)
    /// List the files under `folder` (nil: the working folder) for the attach picker; `absolute` writes entries as absolute paths.
    case listAttachableFiles(folder: URL?, absolute: Bool)
    case quit
    case listSessions
    case searchSessions(String)
    case openSession(URL)
    case loadSavedRun(RunSummary, file: URL, purpose: SavedRunPurpose)
    case loadSavedGroup([RunSummary], group: Int, file: URL)
    case renameSession(URL, title: String)
    case deleteSession(URL)
    /// Start a comparison: every cell is a run in one session group.
    case startGroup(GroupRequest)
    /// Ask providers that can count tokens (Anthropic) for the cells' input tokens.
    case countTokens([TokenCountRequest])
    case recordVerdict(VerdictRequest)
    /// Write the prompt file (atomically, off the UI thread).
    case saveDocument(text: String, to: URL, fingerprint: Int)
    /// Write the prompt under a new name (refused when it exists) and carry on there.
    case saveDocumentAs(text: String, to: URL, fingerprint: Int)
    /// Ask the model's server what it makes of a request (template, tokens).
    case inspectPrompt(ModelRequest, model: ModelRef)
    /// Score a column's labels instead of sampling (label mode).
    case scoreLabels(runID: String, request: ModelRequest, labels: [String], model: ModelRef)
    /// Write saved runs (one, or a comparison group) as a new prompt file, then open it.
    case exportRunsToPromptFile([RunSummary], session: URL, to: URL)
    /// Keep a version beside the prompt file, as `NAME.LABEL-TIME.refract.toml` (conflicts, fresh starts).
    case writeCopy(text: String, nextTo: URL, label: String)
    /// Read the cases and checks, build the evaluation's cells, look them up in the cache.
    case prepareEvaluation(EvaluationRequest)
    /// Run a finished cell's checks (judges and commands off the UI thread) and record the results.
    case gradeCell(GradeRequest)
    /// Read the prompt file's cases for the Cases pane.
    case loadCases(text: String, file: URL)
    /// Read a CSV, JSONL file or folder of cases to import (`path` as typed: relative to `folder`, or `~/…`).
    case readCaseFile(path: String, folder: URL)
    /// Decode attached images for the context pane's previews.
    case decodeImagePreviews([ContextFile])
}

/// A comparison to start: its shape (for the session) and its cells.
public struct GroupRequest: Sendable, Equatable {
    public var groupID: String
    public var kind: GroupKind
    public var instructions: [String]
    public var models: [ModelRef]
    public var runs: [RunRequest]
    /// An evaluation's case names, in order.
    public var cases: [String]?

    public init(groupID: String, kind: GroupKind, instructions: [String], models: [ModelRef], runs: [RunRequest], cases: [String]? = nil) {
        self.groupID = groupID
        self.kind = kind
        self.instructions = instructions
        self.models = models
        self.runs = runs
        self.cases = cases
    }
}

/// One grid cell whose input tokens a provider could count.
public struct TokenCountRequest: Sendable, Equatable {
    public var cell: Int
    public var model: ModelRef
    public var request: ModelRequest

    public init(cell: Int, model: ModelRef, request: ModelRequest) {
        self.cell = cell
        self.model = model
        self.request = request
    }
}

/// A verdict on a comparison: its runs best first, or a tie.
public struct VerdictRequest: Sendable, Equatable {
    public var groupID: String?
    public var ranking: [String]
    public var tie: Bool
    public var blind: Bool

    public init(groupID: String?, ranking: [String], tie: Bool, blind: Bool) {
        self.groupID = groupID
        self.ranking = ranking
        self.tie = tie
        self.blind = blind
    }
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
    /// The comparison this run is a cell of.
    public var groupID: String?
    /// Set when the run continues another's answer from a chosen token.
    public var branch: RunBranch?
    /// A recorded answer to play instead of calling the model (an evaluation cell the cache had).
    public var canned: [StreamPart]?
    /// The prompt file's tools: the run goes through the tool loop, answered as the file says.
    public var tools: ToolSetup?

    public init(
        runID: String, model: ModelRef, request: ModelRequest, prompt: Prompt, label: String? = nil, variant: String? = nil,
        groupID: String? = nil, branch: RunBranch? = nil, canned: [StreamPart]? = nil
    ) {
        self.canned = canned
        self.runID = runID
        self.model = model
        self.request = request
        self.prompt = prompt
        self.label = label
        self.variant = variant
        self.groupID = groupID
        self.branch = branch
    }
}
