import Foundation
import Providers

/// A tool a run offered the model, as `run_started` records it: its name, description and parameters
/// (the JSON schema as text), and the tool choice beside the list.
public struct RecordedTool: Sendable, Equatable, Codable {
    public var name: String
    public var description: String?
    /// The parameters' JSON schema, as compact JSON text.
    public var parameters: String

    public init(name: String, description: String? = nil, parameters: String) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }

    /// The tools of a request (empty when it has none).
    public static func of(_ request: ModelRequest) -> [RecordedTool] {
        request.tools.map { RecordedTool(name: $0.name, description: $0.description.isEmpty ? nil : $0.description, parameters: $0.parameters.text) }
    }

    /// A request's tool choice as recorded: `auto`, `none`, `required`, or the tool's name.
    public static func choice(_ request: ModelRequest) -> String? {
        guard !request.tools.isEmpty else { return nil }
        switch request.toolChoice {
        case .auto?: return "auto"
        case .none?: return "none"
        case .required?: return "required"
        case .named(let name)?: return name
        case nil: return nil
        }
    }
}
