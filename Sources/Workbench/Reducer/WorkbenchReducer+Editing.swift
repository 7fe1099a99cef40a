import Providers
import TerminalUI

extension WorkbenchReducer {
    /// Applies an editing command to the focused text field (or to the variable being edited).
    @discardableResult
    func editText(_ command: Command, _ state: inout WorkbenchState) -> [Effect] {
        var effects: [Effect] = []
        let page = max(1, (state.layout.panes[state.focus]?.height ?? 4) - 3)
        let apply: (inout TextEditorState) -> Void = { EditorCommand.apply(command, to: &$0, page: page) }
        switch command {
        case .cut, .copy:
            let taken: String?? = withFocusedEditor(&state) { editor in command == .cut ? editor.cut() : editor.copy() }
            if let text = taken ?? nil, !text.isEmpty {
                state.clipboard = text
                effects.append(.copyToClipboard(text))
            }
        case .paste:
            let text = state.clipboard
            if !text.isEmpty { _ = withFocusedEditor(&state) { $0.paste(text) } }
        default:
            _ = withFocusedEditor(&state, apply)
        }
        if state.focus.isTextField || state.focus == .examples { refreshVariables(&state) }
        return effects
    }

    /// Runs `body` on the editor that has the keys: a prompt field, or the variable value being edited.
    func withFocusedEditor<T>(_ state: inout WorkbenchState, _ body: (inout TextEditorState) -> T) -> T? {
        if state.focus == .variables {
            guard var editor = state.variables.editing else { return nil }
            let result = body(&editor)
            state.variables.editing = editor
            return result
        }
        return state.withEditor(state.focus, body)
    }

    /// Bracketed paste: into the one-line field of an open overlay (`LineInput.paste`), the variable editor,
    /// or the focused field, as one undo step.
    func paste(_ text: String, _ state: inout WorkbenchState) -> [Effect] {
        switch state.overlay {
        case .switcher(var switcher):
            if case .typingParameter(var editor) = switcher.section {
                LineInput.paste(text, into: &editor)
                switcher.section = .typingParameter(editor)
            } else {
                LineInput.paste(text, into: &switcher.filter)
                switcher.list = ListViewState(selected: 0)
            }
            state.overlay = .switcher(switcher)
            return []
        case .sessions(var browser):
            switch browser.mode {
            case .searching:
                LineInput.paste(text, into: &browser.query)
                browser.list = ListViewState(selected: 0)
            case .renaming(var title):
                LineInput.paste(text, into: &title)
                browser.mode = .renaming(title)
            case .browsing, .confirmingDelete:
                break
            }
            state.overlay = .sessions(browser)
            return []
        case .textPrompt(var prompt):
            LineInput.paste(text, into: &prompt.editor)
            state.overlay = .textPrompt(prompt)
            return []
        case .schemaEditor(var editor):
            editor.paste(text)
            state.overlay = .schemaEditor(editor)
            return []
        default:
            break
        }
        guard state.overlay == nil else { return [] }
        if state.focus == .variables {
            if state.variables.editing == nil { beginVariableEdit(&state, replacingWith: nil) }
            state.variables.editing?.paste(text)
            return []
        }
        if state.focus == .response { state.focus = .input }
        _ = state.withEditor(state.focus) { $0.paste(text) }
        refreshVariables(&state)
        return []
    }

    /// Re-reads the `{{variables}}` used in the prompt, keeping values for names that are still there.
    func refreshVariables(_ state: inout WorkbenchState) {
        let names = state.prompt.variableNames
        guard names != state.variables.names else { return }
        state.variables.names = names
        state.variables.selected = min(state.variables.selected, max(0, names.count - 1))
    }

    func moveVariableSelection(_ command: Command, _ state: inout WorkbenchState) {
        let count = state.variables.names.count
        guard count > 0 else { return }
        var i = state.variables.selected
        switch command {
        case .scrollUp: i -= 1
        case .scrollDown: i += 1
        case .pageUp, .scrollTop: i = 0
        case .pageDown, .scrollBottom: i = count - 1
        default: break
        }
        state.variables.selected = min(max(0, i), count - 1)
    }

    /// Starts editing the selected variable's value (optionally replacing it with a first typed character).
    func beginVariableEdit(_ state: inout WorkbenchState, replacingWith first: String?) {
        guard state.variables.names.indices.contains(state.variables.selected) else { return }
        let name = state.variables.names[state.variables.selected]
        var editor = TextEditorState(text: first == nil ? state.variables.values[name] ?? "" : "")
        if let first { editor.type(first) }
        state.variables.editing = editor
    }

    func commitVariableEdit(_ state: inout WorkbenchState) {
        guard let editor = state.variables.editing else { return }
        setSelectedVariable(editor.text, &state)
        state.variables.editing = nil
    }

    func setSelectedVariable(_ value: String, _ state: inout WorkbenchState) {
        guard state.variables.names.indices.contains(state.variables.selected) else { return }
        state.variables.values[state.variables.names[state.variables.selected]] = value
    }

    /// Keys while a variable value is edited: Enter commits and moves to the next row, Esc cancels.
    /// Returns nil to let the key fall through to the editor commands.
    func handleVariableEditKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect]? {
        switch press.key {
        case .enter where press.modifiers.isEmpty:
            commitVariableEdit(&state)
            state.variables.selected = min(state.variables.selected + 1, max(0, state.variables.names.count - 1))
            return []
        case .escape:
            state.variables.editing = nil
            return []
        default:
            return nil
        }
    }
}
