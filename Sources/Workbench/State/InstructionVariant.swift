import TerminalUI

/// A named instruction; variants share the system prompt, the input and the variables.
public struct InstructionVariant: Sendable, Equatable {
    public var name: String
    public var editor: TextEditorState

    public init(name: String, editor: TextEditorState = TextEditorState()) {
        self.name = name
        self.editor = editor
    }
}
