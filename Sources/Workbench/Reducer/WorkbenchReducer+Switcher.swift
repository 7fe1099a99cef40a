import Providers
import TerminalUI

extension WorkbenchReducer {
    /// Keys inside the model switcher. Models: type to filter, the list keys move, Enter picks. Tab goes to
    /// the parameters: the list keys pick one, Left/Right nudge it, Enter types a value, Backspace resets it.
    func handleSwitcherKey(_ press: KeyPress, _ switcher: inout SwitcherState, _ state: inout WorkbenchState) -> [Effect] {
        // Keys that are not line editing (Tab, the run key) go on as if no value were being typed.
        if case .typingParameter(var editor) = switcher.section, let effects = typeParameterKey(press, &editor, &switcher, &state) {
            return effects
        }
        if press.key == .escape || keymap.command(for: press, in: [.overlay]) == .close {
            if var setup = switcher.gridSetup {
                if case .cell(let i) = switcher.gridTarget, setup.cells.indices.contains(i) {
                    setup.cells[i].parameters = switcher.parameters
                    setup.cells[i].mode = switcher.mode
                }
                state.overlay = .gridSetup(setup)
                return []
            }
            state.parameters = switcher.parameters
            state.overlay = nil
            return []
        }
        if press.key == .tab {
            switcher.section = switcher.section == .models ? .parameters : .models
            return []
        }
        if keymap.command(for: press, in: []) == .run, switcher.gridSetup == nil {
            state.parameters = switcher.parameters
            state.mode = switcher.mode
            state.overlay = nil
            return startRun(&state)
        }
        switch switcher.section {
        case .models: return switcherModelsKey(press, &switcher, &state)
        case .parameters, .typingParameter: return switcherParametersKey(press, &switcher, &state)
        }
    }

    /// The model list with its filter: printable characters type into the filter (so `j` types a j), list
    /// keys are read through the keymap's list context as in every list, and the rest edits the filter line.
    func switcherModelsKey(_ press: KeyPress, _ switcher: inout SwitcherState, _ state: inout WorkbenchState) -> [Effect] {
        let matches = switcher.matches(in: state.models)
        if case .confirmed(let i) = filteredListKey(press, filter: &switcher.filter, list: &switcher.list, count: matches.count) {
            let entry = matches[i].entry
            if var setup = switcher.gridSetup {
                return pickForGrid(entry, switcher, &setup, &state)
            }
            let modeChanged = state.model != entry.ref
            state.model = entry.ref
            state.parameters = switcher.parameters
            state.mode = modeChanged ? entry.defaultMode : switcher.mode
            state.overlay = nil
            var note = "next run: \(entry.ref)"
            if state.mode == .rawCompletion { note += " · raw completion (a base model continues the text)" }
            if !entry.hasKey { note += " · \(entry.keyLabel)" }
            state.notice = Notice(note, level: entry.hasKey ? .info : .warning, expiresAt: state.now + 5)
        }
        return []
    }

    func switcherParametersKey(_ press: KeyPress, _ switcher: inout SwitcherState, _ state: inout WorkbenchState) -> [Effect] {
        let all = SwitcherState.Parameter.allCases
        // In the comparison setup the switcher edits a cell, not the workbench's own settings.
        let own = switcher.gridSetup == nil
        if case .typingParameter = switcher.section { return [] }
        let index = all.firstIndex(of: switcher.parameter) ?? 0
        switch keymap.command(for: press, in: [.list]) {
        case .scrollUp: switcher.parameter = all[max(0, index - 1)]; return []
        case .scrollDown: switcher.parameter = all[min(all.count - 1, index + 1)]; return []
        default: break
        }
        switch press.key {
        case .left, .right:
            nudge(switcher.parameter, by: press.key == .right ? 1 : -1, &switcher)
            if own {
                state.parameters = switcher.parameters
                state.mode = switcher.mode
            }
        case .enter, .char(" "):
            if switcher.parameter == .mode {
                nudge(.mode, by: 1, &switcher)
                if own { state.mode = switcher.mode }
            } else {
                switcher.section = .typingParameter(TextEditorState(text: parameterText(switcher.parameter, switcher)))
            }
        case .backspace, .delete:
            clear(switcher.parameter, &switcher)
            if own { state.parameters = switcher.parameters }
        default: break
        }
        return []
    }

    /// A value typed for the selected parameter: Enter checks and keeps it, Esc drops it; nil for a key
    /// that is not line editing.
    func typeParameterKey(_ press: KeyPress, _ editor: inout TextEditorState, _ switcher: inout SwitcherState, _ state: inout WorkbenchState) -> [Effect]? {
        switch LineInput(keymap: keymap).reduce(press, &editor) {
        case .submit:
            if let error = commitParameter(editor.text, &switcher) {
                switcher.parameterError = error
                switcher.section = .typingParameter(editor)
            } else {
                switcher.section = .parameters
                switcher.parameterError = nil
                if switcher.gridSetup == nil { state.parameters = switcher.parameters }
            }
        case .cancel:
            switcher.section = .parameters
            switcher.parameterError = nil
        case .changed, .moved:
            switcher.section = .typingParameter(editor)
        case .ignored:
            return nil
        }
        return []
    }

    /// A pick made for the comparison setup: one cell's model, or a new model for every instruction.
    func pickForGrid(_ entry: ModelEntry, _ switcher: SwitcherState, _ setup: inout GridSetupState, _ state: inout WorkbenchState) -> [Effect] {
        let modeFor: (ModelRef) -> RequestMode = { ref in self.providers[ref.provider]?.defaultMode(for: ref.model) ?? .chat }
        switch switcher.gridTarget {
        case .cell(let i) where setup.cells.indices.contains(i):
            // Same model: keep the mode chosen in the switcher; another model: its own default mode.
            let sameModel = setup.cells[i].model == entry.ref
            setup.cells[i].model = entry.ref
            setup.cells[i].parameters = switcher.parameters
            setup.cells[i].mode = sameModel ? switcher.mode : modeFor(entry.ref)
            setup.cells[i].countedInputTokens = nil
        case .addModel:
            let variants = Array(Set(setup.cells.map(\.variant))).sorted()
            for v in variants where !setup.cells.contains(where: { $0.variant == v && $0.model == entry.ref }) {
                setup.cells.append(GridSetupState.Cell(variant: v, model: entry.ref, parameters: switcher.parameters, mode: modeFor(entry.ref)))
            }
            // Keep cells grouped by instruction, models in the order they were added.
            let order = orderedModels(setup)
            setup.cells.sort { ($0.variant, order.firstIndex(of: $0.model) ?? 0) < ($1.variant, order.firstIndex(of: $1.model) ?? 0) }
        default:
            break
        }
        state.overlay = .gridSetup(setup)
        return tokenCountEffects(setup, state)
    }

    /// The value as shown and edited; empty means "the provider's default".
    func parameterText(_ p: SwitcherState.Parameter, _ s: SwitcherState) -> String {
        switch p {
        case .temperature: s.parameters.temperature.map { MeterFormat.number($0) } ?? ""
        case .maxTokens: s.parameters.maxTokens.map(String.init) ?? ""
        case .topP: s.parameters.topP.map { MeterFormat.number($0) } ?? ""
        case .seed: s.parameters.seed.map(String.init) ?? ""
        case .mode: s.mode == .chat ? "chat" : "raw"
        }
    }

    /// Validates and stores a typed value; returns why it was refused.
    func commitParameter(_ text: String, _ s: inout SwitcherState) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch s.parameter {
        case .temperature:
            if t.isEmpty { s.parameters.temperature = nil; return nil }
            guard let v = Double(t), (0...2).contains(v) else { return "temperature is a number from 0 to 2" }
            s.parameters.temperature = v
        case .topP:
            if t.isEmpty { s.parameters.topP = nil; return nil }
            guard let v = Double(t), v > 0, v <= 1 else { return "top-p is a number above 0, at most 1" }
            s.parameters.topP = v
        case .maxTokens:
            if t.isEmpty { s.parameters.maxTokens = nil; return nil }
            guard let v = Int(t), v > 0, v <= 1_000_000 else { return "max tokens is a whole number above 0" }
            s.parameters.maxTokens = v
        case .seed:
            if t.isEmpty { s.parameters.seed = nil; return nil }
            guard let v = Int(t) else { return "the seed is a whole number" }
            s.parameters.seed = v
        case .mode:
            break
        }
        return nil
    }

    func nudge(_ p: SwitcherState.Parameter, by step: Int, _ s: inout SwitcherState) {
        let d = Double(step)
        switch p {
        case .temperature: s.parameters.temperature = min(2, max(0, ((s.parameters.temperature ?? 1) + 0.1 * d) * 10).rounded() / 10)
        case .topP: s.parameters.topP = min(1, max(0.05, ((s.parameters.topP ?? 1) + 0.05 * d) * 100).rounded() / 100)
        case .maxTokens: s.parameters.maxTokens = max(1, (s.parameters.maxTokens ?? 256) + 64 * step)
        case .seed: s.parameters.seed = (s.parameters.seed ?? 0) + step
        case .mode: s.mode = s.mode == .chat ? .rawCompletion : .chat
        }
    }

    func clear(_ p: SwitcherState.Parameter, _ s: inout SwitcherState) {
        switch p {
        case .temperature: s.parameters.temperature = nil
        case .topP: s.parameters.topP = nil
        case .maxTokens: s.parameters.maxTokens = nil
        case .seed: s.parameters.seed = nil
        case .mode: s.mode = .chat
        }
    }
}

