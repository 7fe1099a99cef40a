import TerminalUI

/// The few-shot examples being edited: input → output pairs, the selected one, and which of its two
/// texts has the keys (nil while moving through the list).
public struct ExamplesState: Sendable, Equatable {
    public var items: [ExampleItem] = []
    public var selected = 0
    public var editing: ExampleField?

    public init() {}

    /// The editor with the keys, while one is being edited.
    public var editor: TextEditorState? {
        guard let field = editing, items.indices.contains(selected) else { return nil }
        return field == .input ? items[selected].input : items[selected].output
    }

    /// Changes the editor with the keys.
    public mutating func withEditor<T>(_ body: (inout TextEditorState) -> T) -> T? {
        guard let field = editing, items.indices.contains(selected) else { return nil }
        return field == .input ? body(&items[selected].input) : body(&items[selected].output)
    }

    /// Sum of the texts' revisions: changes whenever any example's text does.
    var revision: Int { items.reduce(0) { $0 &+ $1.input.revision &+ $1.output.revision } }
}

/// One example: what the user would write, and what the model should answer.
public struct ExampleItem: Sendable, Equatable {
    public var input: TextEditorState
    public var output: TextEditorState

    public init(input: String = "", output: String = "") {
        self.input = TextEditorState(text: input)
        self.output = TextEditorState(text: output)
    }
}

/// Which text of an example is edited.
public enum ExampleField: Sendable, Equatable { case input, output }
