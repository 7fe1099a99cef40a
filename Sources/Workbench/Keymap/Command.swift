/// Everything a key can do, named as in the `[keys]` table of config.toml.
public enum Command: String, Sendable, Hashable, CaseIterable {
    // Global
    case run, cancel, quit, focusNext = "focus_next", focusPrevious = "focus_previous"
    case modelSwitcher = "model_switcher", help, sessions, openInEditor = "open_in_editor"
    case copyResponse = "copy_response", toggleRawMode = "toggle_raw_mode", toggleReasoning = "toggle_reasoning"
    case toggleJSON = "toggle_json", editSchema = "edit_schema"
    case toggleProbabilities = "toggle_probabilities", tokenPrevious = "token_previous", tokenNext = "token_next"
    case branchTyped = "branch_typed", showBranches = "show_branches"
    case focusSystem = "focus_system", focusInstruction = "focus_instruction", focusInput = "focus_input"
    case focusVariables = "focus_variables", focusResponse = "focus_response", focusExamples = "focus_examples"
    case focusContext = "focus_context", contextToggle = "context_toggle", contextDetach = "context_detach"
    // The prompt file
    case save, saveAs = "save_as", newPrompt = "new_prompt", inspectPrompt = "inspect_prompt", attach
    // Few-shot examples
    case exampleAdd = "example_add", exampleDelete = "example_delete", exampleMoveUp = "example_move_up", exampleMoveDown = "example_move_down"
    // Editor
    case left, right, up, down, wordLeft = "word_left", wordRight = "word_right"
    case lineStart = "line_start", lineEnd = "line_end", pageUp = "page_up", pageDown = "page_down"
    case documentStart = "document_start", documentEnd = "document_end"
    case selectLeft = "select_left", selectRight = "select_right", selectUp = "select_up", selectDown = "select_down"
    case selectWordLeft = "select_word_left", selectWordRight = "select_word_right"
    case selectLineStart = "select_line_start", selectLineEnd = "select_line_end", selectAll = "select_all"
    case newline, deleteBackward = "delete_backward", deleteForward = "delete_forward"
    case deleteWordBackward = "delete_word_backward", deleteToLineEnd = "delete_to_line_end"
    case undo, redo, cut, copy, paste
    // Lists and overlays
    case confirm, close, scrollUp = "scroll_up", scrollDown = "scroll_down", scrollTop = "scroll_top", scrollBottom = "scroll_bottom"
    // Sessions browser
    case back, search, replay, replayGroup = "replay_group", rerun, rename, delete, exportPrompt = "export_prompt"
    // Replay
    case replayPause = "replay_pause", replayStep = "replay_step", replaySpeed1 = "replay_speed_1"
    case replaySpeed2 = "replay_speed_2", replaySpeed10 = "replay_speed_10", replayInstant = "replay_instant"
    // Comparison
    case comparison, columnLeft = "column_left", columnRight = "column_right", maximize, diff, linkScroll = "link_scroll"
    case labelMode = "label_mode"
    case compare, blind, retryFailed = "retry_failed", markColumn = "mark_column", verdictSummary = "verdict_summary"
    // Instruction variants
    case variantNew = "variant_new", variantDuplicate = "variant_duplicate", variantDelete = "variant_delete"
    case variantNext = "variant_next", variantPrevious = "variant_previous", variantRename = "variant_rename"
    case variantMoveLeft = "variant_move_left", variantMoveRight = "variant_move_right"
    // Grid setup
    case toggleCell = "toggle_cell", addModel = "add_model", removeModel = "remove_model", allVariants = "all_variants"
    // Evaluation
    case evaluate, evaluateNoCache = "evaluate_no_cache", evaluation, cases, filterRows = "filter_rows", sortRows = "sort_rows", rerunCell = "rerun_cell"
    case caseEvaluate = "case_evaluate", caseRun = "case_run", caseAdd = "case_add", caseDuplicate = "case_duplicate", caseDelete = "case_delete"
    case checkFilter = "check_filter", rerunRow = "rerun_row", rerunColumn = "rerun_column", setRepeats = "set_repeats", caseImport = "case_import"
}

/// Where a binding applies; the focused context is searched before `global`.
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    case global, editor, response, list, overlay, browser, replay, comparison, grid, examples, evaluation, cases, context
}

/// One row of the key table: the command, where it applies, its help text, and its default keys.
public struct CommandInfo: Sendable {
    public var command: Command
    public var contexts: [KeyContext]
    public var title: String
    public var defaultKeys: [String]
}
