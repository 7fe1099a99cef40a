/// The panes that can hold focus, in Tab order (the order they are drawn in, top to bottom, left to right).
public enum PaneID: String, Sendable, Hashable, CaseIterable {
    case system, instruction, examples, input, variables, context, response

    /// The label shown in titles and the status bar.
    public var title: String {
        switch self {
        case .system: "System"
        case .instruction: "Instruction"
        case .examples: "Examples"
        case .input: "Input"
        case .variables: "Variables"
        case .context: "Context"
        case .response: "Response"
        }
    }

    /// The three text fields of the prompt.
    public var isTextField: Bool { self == .system || self == .instruction || self == .input }
}
