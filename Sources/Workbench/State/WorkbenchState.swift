import Foundation
import PromptFiles
import Sessions
import Providers
import TerminalUI

/// Everything the workbench shows and remembers. Only the reducer changes it.
public struct WorkbenchState: Sendable {
    public var width: Int
    public var height: Int
    public var focus: PaneID = .input
    public var system: TextEditorState
    /// The named instructions; the Instruction pane edits the active one.
    public var variants: [InstructionVariant]
    public var activeVariant = 0
    public var input: TextEditorState
    /// Few-shot pairs sent before the input.
    public var examples = ExamplesState()
    public var variables = VariablesState()
    /// The attachments, schema and tools list.
    public var context = ContextState()
    /// The prompt file behind the workbench, if any.
    public var document = DocumentState()
    /// The attached files (the prompt file's `[[attachments]]`), loaded off the UI thread.
    public var attachments = AttachmentsState()
    /// The model and settings the next run uses.
    public var model: ModelRef
    public var parameters = GenerationParameters()
    public var mode: RequestMode = .chat
    /// This session's runs, oldest first.
    public var runs: [RunState] = []
    public var response = ResponseViewState()
    public var overlay: OverlayState?
    /// Saved runs playing back (one, or a whole comparison group).
    public var replays: [ReplayState] = []
    /// Verdicts given in this session (blind judging), for the win-rate summary.
    public var verdicts: [VerdictRecord] = []
    var groupCounter = 0
    /// Runs side by side (re-run, comparison grid), if any.
    public var comparison: ComparisonState?
    /// The evaluation matrix (cases × variant × model), live or replayed, if any.
    public var evaluation: EvaluationState?
    /// The Cases pane: the prompt file's test cases as a table, when open.
    public var cases: CasesState?
    /// The evaluate key was pressed and the cases are being read (a second press waits for them).
    public var preparingEvaluation = false
    public var notice: Notice?
    /// A warning that stays until its cause goes away (the sessions folder cannot be written).
    public var persistentWarning: String?
    public var models: [ModelEntry] = []
    /// Text cut or copied inside the workbench (the terminal's own paste arrives as bracketed paste).
    public var clipboard = ""
    /// Monotonic seconds at the last action (drives the spinner and elapsed times).
    public var now: Double = 0
    public var shouldQuit = false
    var runCounter = 0

    public init(width: Int, height: Int, model: ModelRef, mode: RequestMode = .chat) {
        self.width = width
        self.height = height
        self.model = model
        self.mode = mode
        system = TextEditorState()
        variants = [InstructionVariant(name: "instruction 1")]
        input = TextEditorState()
    }

    /// The active instruction variant's editor.
    public var instruction: TextEditorState {
        get { variants[activeVariant].editor }
        set { variants[activeVariant].editor = newValue }
    }

    /// The editor behind a text pane.
    public func editor(_ pane: PaneID) -> TextEditorState? {
        switch pane {
        case .system: system
        case .instruction: instruction
        case .input: input
        case .examples: examples.editor
        default: nil
        }
    }

    /// Changes the editor behind a text pane.
    public mutating func withEditor<T>(_ pane: PaneID, _ body: (inout TextEditorState) -> T) -> T? {
        switch pane {
        case .system: body(&system)
        case .instruction: body(&instruction)
        case .input: body(&input)
        case .examples: examples.withEditor(body)
        default: nil
        }
    }

    /// The prompt as it stands now.
    public var prompt: Prompt {
        var values: [String: String] = [:]
        for name in variables.names { if let v = variables.values[name] { values[name] = v } }
        return Prompt(
            system: system.text, instruction: instruction.text, input: input.text, variables: values,
            examples: examples.items.map { FewShotExample(input: $0.input.text, output: $0.output.text) }, rawFormat: document.base.rawFormat
        ).attaching(attachments.files).withSchema(document.base.responseSchema, sent: sendsSchema(variant: activeVariant))
    }

    /// The run the response pane shows (the latest one).
    public var shownRun: RunState? {
        guard let id = response.runID else { return runs.last }
        return runs.last { $0.id == id }
    }

    /// Runs still streaming.
    public var activeRuns: [RunState] { runs.filter { $0.phase.isActive } }

    /// What this session has cost so far, and whether some run could not be priced.
    public var sessionCost: (usd: Double, unpricedRuns: Int) {
        var total = 0.0
        var unpriced = 0
        for run in runs {
            if let c = run.cost { total += c } else if run.price == nil { unpriced += 1 }
        }
        return (total, unpriced)
    }

    /// The layout for the current size and focus.
    public var layout: WorkbenchLayout {
        WorkbenchLayout.compute(
            width: width, height: height, focus: focus, variableCount: variables.names.count, exampleCount: examples.items.count,
            contextRows: ContextPane.wantedRows(contextItems, expanded: context.expanded)
        )
    }

    /// Whether the loop must keep waking up (spinner, elapsed time, expiring notices).
    public var needsTicks: Bool { !activeRuns.isEmpty || notice?.expiresAt != nil || !replays.isEmpty || document.changedSince != nil }

    /// Seconds between ticks: smooth while replaying, slower for a spinner.
    public var tickInterval: Double { replays.isEmpty ? 0.1 : 1.0 / 60 }

    /// The prompt with a given instruction variant in place of the active one.
    public func prompt(variant: Int) -> Prompt {
        var p = prompt
        if variants.indices.contains(variant) { p.instruction = variants[variant].editor.text }
        p.sendsSchema = sendsSchema(variant: variant)
        return p
    }
}

/// The `{{variables}}` table: names found in the prompt, their values, and the row being edited.
public struct VariablesState: Sendable, Equatable {
    public var names: [String] = []
    public var values: [String: String] = [:]
    public var selected = 0
    /// The value editor while a row is being edited.
    public var editing: TextEditorState?

    public init() {}
}

/// What the response pane shows and where it is scrolled.
public struct ResponseViewState: Sendable {
    /// The run shown; nil follows the latest.
    public var runID: String?
    /// The shown run's text, sanitised and wrapped at the pane's width.
    public var wrapped = WrappedText(width: 40)
    public var sanitizer = StreamSanitizer()
    /// Whether reasoning text has been put in `wrapped`, and whether answer text followed it.
    var sawReasoning = false
    var sawTextAfterReasoning = false
    /// First row shown when not following the tail.
    public var top = 0
    /// Follows the tail until the user scrolls up.
    public var follow = true
    public var showReasoning = true
    /// The answer shown as tokens shaded by probability, with a token cursor (`p`).
    public var probabilities = false
    /// The answer shown as indented, coloured JSON (`J`).
    public var json = false
    public var tokenCursor = 0
    /// The alternative picked at the cursor (↑/↓), which Enter branches from.
    public var alternative = 0

    public init() {}
}

/// The overlay on top of the panes, if any.
public enum OverlayState: Sendable {
    case help(scroll: Int)
    case switcher(SwitcherState)
    case confirmQuit
    case sessions(BrowserState)
    case gridSetup(GridSetupState)
    /// A one-line text to type (renaming a variant, a file name to save as).
    case textPrompt(TextPromptState)
    /// The prompt file changed on disk while there were unsaved edits: both versions, and the choice.
    case conflict
    /// A yes/no question (deleting a variant, a comparison over budget).
    case confirm(ConfirmState)
    /// Win rates per instruction and per model from this session's verdicts.
    case verdictSummary
    /// What the model receives for the prompt as it stands (F7).
    case inspection(InspectionState)
    /// Pick a file to attach or detach (`AttachPickerState`).
    case attachPicker(AttachPickerState)
    /// The response schema's JSON being edited (Alt-J), checked as it is typed.
    case schemaEditor(TextEditorState)
}

/// A one-line question with a text answer.
public struct TextPromptState: Sendable {
    /// What the answer is for.
    public enum Purpose: Sendable, Equatable {
        case renameVariant(Int), saveAs
        /// Saved runs (one, or a comparison) to write as a new prompt file.
        case exportRuns([RunSummary], session: URL)
        /// A token typed to branch from at this place of a run's answer.
        case branchToken(runID: String, token: Int)
        /// Labels for label mode, comma-separated (kept in the prompt file's `labels`).
        case labels
        /// Samples per evaluation cell (kept in the prompt file as `repeat = N`).
        case repeats
        /// A CSV or JSONL file (or folder) of cases to copy into the prompt file's `[[cases]]`.
        case importCases
        /// The answer to a run's `ask = true` tool call.
        case toolAnswer(questionID: Int)
    }
    public var title: String
    public var editor: TextEditorState
    public var purpose: Purpose
}

/// A yes/no question and what a yes does.
public struct ConfirmState: Sendable {
    /// What a yes does.
    public enum Purpose: Sendable { case deleteVariant(Int), deleteCase(Int), runGrid(GridSetupState), runEvaluation(PreparedEvaluation), freshScratch, quitUnsaved }
    public var message: String
    public var purpose: Purpose
}
