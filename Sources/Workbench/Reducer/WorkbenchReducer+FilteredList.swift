import TerminalUI

extension WorkbenchReducer {
    /// What a key did in a list with a filter line above it.
    enum FilteredListKey {
        /// Moved the selection or edited the filter.
        case handled
        /// Enter on the item at this index (of the filtered matches).
        case confirmed(Int)
    }

    /// A filtered list's keys: printable characters type into the filter (so `j` types a j), list keys
    /// are read through the keymap's list context as in every list, and the rest edits the filter line.
    func filteredListKey(_ press: KeyPress, filter: inout TextEditorState, list: inout ListViewState, count: Int) -> FilteredListKey {
        let printable = if case .char = press.key, press.modifiers.isDisjoint(with: [.ctrl, .alt]) { true } else { false }
        guard !printable, let command = keymap.command(for: press, in: [.list]),
              [.scrollUp, .scrollDown, .pageUp, .pageDown, .scrollTop, .scrollBottom, .confirm].contains(command) else {
            if LineInput(keymap: keymap).reduce(press, &filter) == .changed { list = ListViewState(selected: 0) }
            return .handled
        }
        switch command {
        case .scrollUp: list.moveSelection(by: -1, count: count)
        case .scrollDown: list.moveSelection(by: 1, count: count)
        case .pageUp: list.moveSelection(by: -10, count: count)
        case .pageDown: list.moveSelection(by: 10, count: count)
        case .scrollTop: list.moveSelection(by: -count, count: count)
        case .scrollBottom: list.moveSelection(by: count, count: count)
        default:
            if let i = list.selected, (0..<count).contains(i) { return .confirmed(i) }
        }
        return .handled
    }
}
