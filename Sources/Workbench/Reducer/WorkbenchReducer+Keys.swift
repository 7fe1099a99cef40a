import Providers
import TerminalUI

extension WorkbenchReducer {
    /// The key contexts searched for the focused pane, most specific first.
    func contexts(_ state: WorkbenchState) -> [KeyContext] {
        switch state.focus {
        case .system, .instruction, .input: [.editor]
        case .variables: state.variables.editing == nil ? [.list] : [.editor]
        case .examples: state.examples.editing == nil ? [.examples, .list] : [.editor]
        case .context: [.context, .list]
        case .response: [.response]
        }
    }

    func handleKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect] {
        if state.overlay != nil { return handleOverlayKey(press, &state) }
        if !state.replays.isEmpty, state.focus == .response || state.comparison?.visible == true || state.evaluation?.visible == true,
           let effects = handleReplayKey(press, &state) { return effects }
        if let effects = handleCasesKey(press, &state) { return effects }
        if let effects = handleEvaluationKey(press, &state) { return effects }
        if let effects = handleBlindKey(press, &state) { return effects }
        if let effects = handleComparisonKey(press, &state) { return effects }
        if state.focus == .variables, state.variables.editing != nil {
            if let effects = handleVariableEditKey(press, &state) { return effects }
        }
        if state.focus == .examples, let effects = handleExampleEditKey(press, &state) { return effects }
        if let command = keymap.command(for: press, in: contexts(state)) {
            return execute(command, &state)
        }
        // Unbound printable keys type into the focused field.
        if case .char(let ch) = press.key, press.modifiers.isDisjoint(with: [.ctrl, .alt]) {
            if state.focus.isTextField || state.variables.editing != nil && state.focus == .variables || state.examples.editing != nil && state.focus == .examples {
                _ = withFocusedEditor(&state) { $0.type(String(ch)) }
                if state.focus != .variables { refreshVariables(&state) }
            } else if state.focus == .variables, !state.variables.names.isEmpty {
                beginVariableEdit(&state, replacingWith: String(ch))
            }
        }
        return []
    }

    /// Runs one named command.
    func execute(_ command: Command, _ state: inout WorkbenchState) -> [Effect] {
        switch command {
        case .run:
            return startRun(&state)
        case .cancel, .close:
            return cancelOrDismiss(&state)
        case .quit:
            if !state.activeRuns.isEmpty {
                state.overlay = .confirmQuit
                return []
            }
            if let reason = state.document.readOnlyReason, hasUnsavedChanges(state) {
                state.overlay = .confirm(ConfirmState(
                    message: "Quit and lose your changes? They cannot be saved: \(reason). (\(keymap.hint(for: .saveAs) ?? "save as") saves a copy)",
                    purpose: .quitUnsaved
                ))
                return []
            }
            state.shouldQuit = true
            return [.quit]
        case .focusNext, .focusPrevious:
            commitVariableEdit(&state)
            state.examples.editing = nil
            let order = PaneID.allCases
            let i = order.firstIndex(of: state.focus) ?? 0
            state.focus = order[(i + (command == .focusNext ? 1 : order.count - 1)) % order.count]
            return []
        case .focusSystem: return focus(.system, &state)
        case .focusInstruction: return focus(.instruction, &state)
        case .focusInput: return focus(.input, &state)
        case .focusVariables: return focus(.variables, &state)
        case .focusResponse: return focus(.response, &state)
        case .focusExamples: return focus(.examples, &state)
        case .focusContext: return focus(.context, &state)
        case .contextToggle: return toggleContextItem(&state)
        case .contextDetach: return detachContextItem(&state)
        case .save, .saveAs, .newPrompt: return executeDocumentCommand(command, &state)
        case .inspectPrompt: return openInspection(&state)
        case .attach: return openAttachPicker(&state)
        case .exampleAdd, .exampleDelete, .exampleMoveUp, .exampleMoveDown:
            return state.focus == .examples ? executeExampleCommand(command, &state) : []
        case .modelSwitcher:
            var switcher = SwitcherState(parameters: state.parameters, mode: state.mode)
            switcher.list.selected = state.models.firstIndex { $0.ref == state.model } ?? 0
            state.overlay = .switcher(switcher)
            return [.refreshModels]
        case .help:
            state.overlay = .help(scroll: 0)
            return []
        case .sessions:
            return openBrowser(&state)
        case .compare:
            return openGridSetup(&state)
        case .evaluate:
            return requestEvaluation(&state, useCache: true)
        case .evaluation:
            if state.evaluation == nil {
                state.notice = Notice("no evaluation yet: \(keymap.hint(for: .evaluate) ?? "the evaluate key") runs the prompt file's cases", level: .info, expiresAt: state.now + 4)
            } else {
                state.evaluation?.visible.toggle()
            }
            return []
        case .cases:
            return openCases(&state)
        case .verdictSummary:
            state.overlay = .verdictSummary
            return []
        case .variantNew, .variantDuplicate, .variantDelete, .variantNext, .variantPrevious, .variantRename, .variantMoveLeft, .variantMoveRight:
            return executeVariantCommand(command, &state)
        case .comparison:
            if state.comparison == nil {
                state.notice = Notice("nothing to compare yet: re-run a saved run (\(keymap.hint(for: .sessions) ?? "the browser"), then r)", level: .info, expiresAt: state.now + 4)
            } else {
                state.comparison?.visible.toggle()
            }
            return []
        case .openInEditor:
            if state.focus.isTextField || state.focus == .examples, let editor = state.editor(state.focus) {
                return [.openExternalEditor(state.focus, text: editor.text)]
            }
            if state.focus == .variables, state.variables.names.indices.contains(state.variables.selected) {
                let name = state.variables.names[state.variables.selected]
                return [.openExternalEditor(.variables, text: state.variables.values[name] ?? "")]
            }
            state.notice = Notice("go to a prompt field or a variable first (Tab)", level: .info, expiresAt: state.now + 4)
            return []
        case .copyResponse:
            guard let run = state.shownRun, !run.result.text.isEmpty else {
                state.notice = Notice("nothing to copy yet", level: .info, expiresAt: state.now + 3)
                return []
            }
            state.notice = Notice("copied the response (\(run.result.text.count) characters) with OSC 52", level: .success, expiresAt: state.now + 4)
            return [.copyToClipboard(run.result.text)]
        case .toggleRawMode:
            state.mode = state.mode == .chat ? .rawCompletion : .chat
            let label = state.mode == .chat ? "chat mode: system, instruction and input are sent as messages" : "raw completion mode: the prompt text is continued as is"
            state.notice = Notice(label, level: .info, expiresAt: state.now + 4)
            return []
        case .toggleReasoning:
            state.response.showReasoning.toggle()
            rebuildResponse(&state)
            return []
        case .editSchema:
            return editSchema(&state)
        case .toggleJSON:
            state.response.json.toggle()
            if state.response.json, let run = state.shownRun, case .failure(let error) = JSONAnswer.parse(run.answerText) {
                state.notice = Notice("the answer is not JSON (\(error)): shown as text", level: .info, expiresAt: state.now + 5)
            }
            return []
        case .toggleProbabilities:
            state.response.probabilities.toggle()
            if state.response.probabilities, state.shownRun?.shownTokens.isEmpty ?? true {
                // Probabilities are asked for from now on; a run without them cannot be shown this way.
                if state.parameters.logprobs == nil { state.parameters.logprobs = 5 }
                let can = providers[state.model.provider]?.protocolName.returnsLogprobs ?? false
                state.notice = Notice(can ? "this run has no token probabilities: the next runs ask for them (5 alternatives each)"
                    : "\(state.model.provider) does not return token probabilities (Anthropic's API has none); pick another model", level: .info, expiresAt: state.now + 6)
            }
            return []
        case .tokenPrevious, .tokenNext:
            guard state.response.probabilities, let count = state.shownRun?.shownTokens.count, count > 0 else { return [] }
            let moved = state.response.tokenCursor + (command == .tokenNext ? 1 : -1)
            state.response.tokenCursor = min(max(0, moved), count - 1)
            state.response.alternative = 0
            return []
        case .branchTyped:
            return askForBranchToken(&state)
        case .showBranches:
            return showBranches(&state)
        case .scrollUp, .scrollDown, .pageUp, .pageDown, .scrollTop, .scrollBottom:
            if state.focus == .response, state.response.probabilities, command == .scrollUp || command == .scrollDown {
                moveAlternative(command, &state)
            } else if state.focus == .response { scrollResponse(command, &state) }
            else if state.focus == .variables { moveVariableSelection(command, &state) }
            else if state.focus == .context { moveContextSelection(command, &state) }
            else if state.focus == .examples { return state.examples.editing == nil ? executeExampleCommand(command, &state) : editText(command, &state) }
            else if state.focus.isTextField { editText(command, &state) }
            return []
        case .confirm:
            if state.focus == .response, state.response.probabilities { return branchFromPickedAlternative(&state) }
            if state.focus == .variables { beginVariableEdit(&state, replacingWith: nil) }
            if state.focus == .examples { return executeExampleCommand(.confirm, &state) }
            return []
        default:
            if state.focus.isTextField || (state.focus == .variables && state.variables.editing != nil) || (state.focus == .examples && state.examples.editing != nil) {
                return editText(command, &state)
            }
            return []
        }
    }

    func focus(_ pane: PaneID, _ state: inout WorkbenchState) -> [Effect] {
        commitVariableEdit(&state)
        if pane != .examples { state.examples.editing = nil }
        state.focus = pane
        return []
    }

    /// Esc: cancel what is running, else close what is open, else drop the selection. Never quits.
    func cancelOrDismiss(_ state: inout WorkbenchState) -> [Effect] {
        let active = state.activeRuns
        if !active.isEmpty {
            for run in active { cancelRun(run.id, &state) }
            state.notice = Notice("cancelled; the partial answer is kept", level: .warning, expiresAt: state.now + 4)
            return active.map { .cancelRun(runID: $0.id) }
        }
        if state.focus == .variables, state.variables.editing != nil {
            state.variables.editing = nil
            return []
        }
        _ = state.withEditor(state.focus) { $0.clearSelection() }
        return []
    }

    func handleOverlayKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect] {
        guard let overlay = state.overlay else { return [] }
        switch overlay {
        case .confirmQuit:
            switch press.key {
            case .char("y"), .char("Y"), .enter:
                state.overlay = nil
                state.shouldQuit = true
                return state.activeRuns.map { .cancelRun(runID: $0.id) } + [.quit]
            default:
                state.overlay = nil
                return []
            }
        case .help(let scroll):
            let command = keymap.command(for: press, in: [.overlay, .list])
            switch command {
            case .scrollUp: state.overlay = .help(scroll: max(0, scroll - 1))
            case .scrollDown: state.overlay = .help(scroll: scroll + 1)
            case .pageUp: state.overlay = .help(scroll: max(0, scroll - 10))
            case .pageDown: state.overlay = .help(scroll: scroll + 10)
            case .scrollTop: state.overlay = .help(scroll: 0)
            case .run: state.overlay = nil; return startRun(&state)
            case .quit: return execute(.quit, &state)
            default: state.overlay = nil
            }
            return []
        case .switcher(var switcher):
            let effects = handleSwitcherKey(press, &switcher, &state)
            if case .switcher = state.overlay { state.overlay = .switcher(switcher) }
            return effects
        case .sessions(var browser):
            let effects = handleBrowserKey(press, &browser, &state)
            if case .sessions = state.overlay { state.overlay = .sessions(browser) }
            return effects
        case .gridSetup(var setup):
            let effects = handleGridKey(press, &setup, &state)
            if case .gridSetup = state.overlay { state.overlay = .gridSetup(setup) }
            return effects
        case .textPrompt, .confirm:
            return handlePromptOverlayKey(press, &state)
        case .schemaEditor(var editor):
            let effects = handleSchemaEditorKey(press, &editor, &state)
            if case .schemaEditor = state.overlay { state.overlay = .schemaEditor(editor) }
            return effects
        case .conflict:
            return handleConflictKey(press, &state)
        case .inspection(var shown):
            let effects = handleInspectionKey(press, &shown, &state)
            if case .inspection = state.overlay { state.overlay = .inspection(shown) }
            return effects
        case .verdictSummary:
            state.overlay = nil
            return []
        case .attachPicker(var picker):
            let effects = handleAttachPickerKey(press, &picker, &state)
            if case .attachPicker = state.overlay { state.overlay = .attachPicker(picker) }
            return effects
        }
    }
}
