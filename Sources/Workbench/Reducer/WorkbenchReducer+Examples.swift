import TerminalUI

extension WorkbenchReducer {
    /// Keys while an example's text is edited: Tab goes to its other half, Esc back to the list.
    /// Returns nil to let the key fall through to the editor commands.
    func handleExampleEditKey(_ press: KeyPress, _ state: inout WorkbenchState) -> [Effect]? {
        guard let field = state.examples.editing else { return nil }
        switch press.key {
        case .tab where press.modifiers.isEmpty || press.modifiers == [.shift]:
            state.examples.editing = field == .input ? .output : .input
            return []
        case .escape:
            state.examples.editing = nil
            return []
        default:
            return nil
        }
    }

    /// The list commands of the examples pane.
    func executeExampleCommand(_ command: Command, _ state: inout WorkbenchState) -> [Effect] {
        var ex = state.examples
        switch command {
        case .exampleAdd:
            let at = ex.items.isEmpty ? 0 : ex.selected + 1
            ex.items.insert(ExampleItem(), at: at)
            ex.selected = at
            ex.editing = .input
        case .exampleDelete:
            guard ex.items.indices.contains(ex.selected) else { return [] }
            ex.items.remove(at: ex.selected)
            ex.selected = min(ex.selected, max(0, ex.items.count - 1))
            state.notice = Notice("deleted example \(state.examples.selected + 1)", level: .info, expiresAt: state.now + 3)
        case .exampleMoveUp, .exampleMoveDown:
            let to = ex.selected + (command == .exampleMoveUp ? -1 : 1)
            guard ex.items.indices.contains(ex.selected), ex.items.indices.contains(to) else { return [] }
            ex.items.swapAt(ex.selected, to)
            ex.selected = to
        case .confirm:
            guard ex.items.indices.contains(ex.selected) else { return executeExampleCommand(.exampleAdd, &state) }
            ex.editing = .input
        case .scrollUp, .scrollDown, .pageUp, .pageDown, .scrollTop, .scrollBottom:
            guard !ex.items.isEmpty else { return [] }
            var i = ex.selected
            switch command {
            case .scrollUp: i -= 1
            case .scrollDown: i += 1
            case .pageUp, .scrollTop: i = 0
            default: i = ex.items.count - 1
            }
            ex.selected = min(max(0, i), ex.items.count - 1)
        default:
            return []
        }
        state.examples = ex
        refreshVariables(&state)
        return []
    }
}
