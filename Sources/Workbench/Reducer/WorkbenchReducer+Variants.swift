import TerminalUI

extension WorkbenchReducer {
    /// New, duplicate, rename, delete, switch and reorder instruction variants.
    func executeVariantCommand(_ command: Command, _ state: inout WorkbenchState) -> [Effect] {
        let count = state.variants.count
        let i = state.activeVariant
        switch command {
        case .variantNew, .variantDuplicate:
            let name = uniqueVariantName(command == .variantNew ? "instruction" : state.variants[i].name + " copy", state)
            let editor = command == .variantNew ? TextEditorState() : TextEditorState(text: state.instruction.text)
            state.variants.insert(InstructionVariant(name: name, editor: editor), at: i + 1)
            state.activeVariant = i + 1
            state.focus = .instruction
            state.notice = Notice("new variant \"\(name)\" (\(keymap.hint(for: .variantRename) ?? "F2") renames it)", level: .info, expiresAt: state.now + 4)
        case .variantNext: state.activeVariant = (i + 1) % count
        case .variantPrevious: state.activeVariant = (i + count - 1) % count
        case .variantMoveLeft where i > 0:
            state.variants.swapAt(i, i - 1)
            state.activeVariant = i - 1
        case .variantMoveRight where i + 1 < count:
            state.variants.swapAt(i, i + 1)
            state.activeVariant = i + 1
        case .variantRename:
            state.overlay = .textPrompt(TextPromptState(title: "Rename the instruction variant", editor: TextEditorState(text: state.variants[i].name), purpose: .renameVariant(i)))
        case .variantDelete:
            guard count > 1 else {
                state.notice = Notice("this is the only instruction; clear it instead", level: .info, expiresAt: state.now + 4)
                return []
            }
            state.overlay = .confirm(ConfirmState(message: "Delete the variant \"\(state.variants[i].name)\"?", purpose: .deleteVariant(i)))
        default:
            break
        }
        if command == .variantNext || command == .variantPrevious { state.focus = .instruction }
        refreshVariables(&state)
        return []
    }

    func uniqueVariantName(_ base: String, _ state: WorkbenchState) -> String {
        let names = Set(state.variants.map(\.name))
        var n = state.variants.count + 1
        var name = base == "instruction" ? "instruction \(n)" : base
        while names.contains(name) {
            n += 1
            name = base == "instruction" ? "instruction \(n)" : "\(base) \(n)"
        }
        return name
    }

    /// Keys in the one-line text prompt and the yes/no question.
    func handlePromptOverlayKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect] {
        switch state.overlay {
        case .textPrompt(var prompt):
            switch LineInput(keymap: keymap).reduce(press, &prompt.editor) {
            case .submit:
                state.overlay = nil
                let text = prompt.editor.text.trimmingCharacters(in: .whitespaces)
                switch prompt.purpose {
                case .renameVariant(let index):
                    // Names must differ: the prompt file and comparisons tell variants apart by name.
                    if state.variants.indices.contains(index), !text.isEmpty {
                        if state.variants.enumerated().contains(where: { $0.offset != index && $0.element.name == text }) {
                            state.notice = Notice("another variant is already named \"\(text)\"", level: .warning, expiresAt: state.now + 4)
                        } else {
                            state.variants[index].name = text
                        }
                    }
                case .saveAs:
                    return saveAs(text, &state)
                case .exportRuns(let runs, let session):
                    guard let url = promptFileURL(text, state) else { return [] }
                    return [.exportRunsToPromptFile(runs, session: session, to: url)]
                case .labels:
                    state.document.base.labels = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    return scoreLabels(&state)
                case .repeats:
                    return applyRepeats(text, &state)
                case .importCases:
                    return importCases(text, &state)
                case .toolAnswer(let id):
                    // Typed as is: the tool's answer is text for the model, spaces and all.
                    return [.answerTool(questionID: id, answer: prompt.editor.text)]
                case .branchToken(let runID, let token):
                    // Spaces count here: " blue" and "blue" are different tokens.
                    guard let run = state.runs.last(where: { $0.id == runID }) else { return [] }
                    return startBranch(of: run, at: token, with: prompt.editor.text, &state)
                }
                return []
            case .cancel:
                state.overlay = nil
                if case .toolAnswer(let id) = prompt.purpose { return [.answerTool(questionID: id, answer: nil)] }
                return []
            case .changed, .moved, .ignored:
                break
            }
            state.overlay = .textPrompt(prompt)
            return []
        case .confirm(let question):
            state.overlay = nil
            guard press.key == .char("y") || press.key == .char("Y") || press.key == .enter else { return [] }
            switch question.purpose {
            case .deleteVariant(let index):
                guard state.variants.count > 1, state.variants.indices.contains(index) else { return [] }
                state.variants.remove(at: index)
                state.activeVariant = min(state.activeVariant, state.variants.count - 1)
                refreshVariables(&state)
                return []
            case .runGrid(let setup):
                return startGrid(setup, &state, confirmedBudget: true)
            case .deleteCase(let index):
                return applyCaseEdit(.delete(index), &state)
            case .runEvaluation(let prepared):
                return applyEvaluationPrepared(prepared, confirmed: true, &state)
            case .freshScratch:
                return startFreshScratch(&state)
            case .quitUnsaved:
                state.shouldQuit = true
                return state.activeRuns.map { .cancelRun(runID: $0.id) } + [.quit]
            }
        default:
            return []
        }
    }
}
