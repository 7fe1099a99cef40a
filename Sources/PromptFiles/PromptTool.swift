import Foundation
import Providers

/// One `[[tools]]` entry: the function the model sees, and what answers its calls.
public struct PromptTool: Sendable, Equatable {
    /// What answers a call. Only what the user wrote into the file (or confirmed in the workbench) ever runs.
    public enum Answer: Sendable, Equatable {
        /// A fixed reply; `{{args.NAME}}` is filled from the call's arguments.
        case result(String)
        /// A program that reads the arguments as JSON on stdin and prints the result.
        case command([String], timeoutSeconds: Double?)
        /// The workbench asks the user to type the result.
        case ask
    }

    public var name: String
    public var description: String
    /// A JSON schema of type object.
    public var parameters: JSON
    public var answer: Answer
    /// The parameters as the file wrote them when that was a JSON string (written back as it was, key order kept).
    public var parametersText: String?
    public var extras = ExtraKeys()

    public init(name: String, description: String = "", parameters: JSON = .object([("type", .string("object")), ("properties", .object([]))]), answer: Answer = .ask) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.answer = answer
    }

    /// The seconds a command may run when the file gives no `timeout`.
    public static let defaultTimeoutSeconds = 10.0

    /// The function as a request carries it.
    public var definition: ToolDefinition { ToolDefinition(name: name, description: description, parameters: parameters) }
}
