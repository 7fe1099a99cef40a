import Foundation
import PromptFiles
import Providers

/// A prompt file's tools as a run uses them: the definitions and choice that go into the request, the
/// answers that stay here, and the step limit.
public struct ToolSetup: Sendable, Equatable {
    public var tools: [PromptTool]
    public var choice: ToolChoice?
    public var maxSteps: Int

    public init(tools: [PromptTool], choice: ToolChoice? = nil, maxSteps: Int = ToolLoop.defaultMaxSteps) {
        self.tools = tools
        self.choice = choice
        self.maxSteps = maxSteps
    }

    /// The document's tools, or nil when it has none.
    public init?(_ document: PromptDocument) {
        guard !document.tools.isEmpty else { return nil }
        self.init(tools: document.tools, choice: document.toolChoice, maxSteps: document.maxToolSteps ?? ToolLoop.defaultMaxSteps)
    }

    /// Puts the tool list and choice into a chat request (raw completion has no tools).
    public func apply(to request: inout ModelRequest) {
        guard request.mode == .chat else { return }
        request.tools = tools.map(\.definition)
        request.toolChoice = choice
    }

    /// `base` wrapped in the loop, answering with these tools; `ask` gets the `ask = true` calls.
    public func model(_ base: any LanguageModel, ask: @escaping ToolAsk = ToolSetup.nobodyToAsk) -> any LanguageModel {
        ToolLoopModel(base: base, answerer: PromptToolAnswerer(tools: tools, ask: ask), maxSteps: maxSteps)
    }

    /// For runs with no one at a terminal: an `ask` tool cannot be answered.
    public static let nobodyToAsk: ToolAsk = { _ in nil }
}

/// Asks a person for a tool's answer: the question shown, nil when no one can answer.
public typealias ToolAsk = @Sendable (ToolQuestion) async -> String?

/// An `ask` tool's call, as put to the person.
public struct ToolQuestion: Sendable, Equatable {
    public var name: String
    public var arguments: String
    public var step: Int

    public init(name: String, arguments: String, step: Int) {
        self.name = name
        self.arguments = arguments
        self.step = step
    }
}
