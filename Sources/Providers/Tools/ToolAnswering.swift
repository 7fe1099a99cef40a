import Foundation

/// Answers one tool call the loop has accepted (a known tool, arguments that fit its schema).
public protocol ToolAnswering: Sendable {
    /// The text that goes back to the model, and whether it reports a failure.
    func answer(_ call: ToolLoop.PendingCall, step: Int) async -> ToolAnswer
}

/// What answered a call: the text the model receives; `isError` marks a failed call.
public struct ToolAnswer: Sendable, Equatable {
    public var content: String
    public var isError: Bool
    /// A line for the person watching when the answer is a failure (a command's exit, a timeout), else nil.
    public var note: String?

    public init(content: String, isError: Bool = false, note: String? = nil) {
        self.content = content
        self.isError = isError
        self.note = note
    }
}
