import Foundation

/// The prompt exactly as it was sent: system prompt, instruction, input and the variables' values.
public struct PromptSnapshot: Sendable, Equatable, Codable {
    public var system: String
    public var instruction: String
    public var input: String
    /// `{{name}}` → value, as substituted for this run.
    public var variables: [String: String]

    public init(system: String = "", instruction: String = "", input: String = "", variables: [String: String] = [:]) {
        self.system = system
        self.instruction = instruction
        self.input = input
        self.variables = variables
    }

    enum CodingKeys: String, CodingKey { case system, instruction, input, variables }

    /// A key for one variable name.
    struct VariableKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        system = try c.decodeIfPresent(String.self, forKey: .system) ?? ""
        instruction = try c.decodeIfPresent(String.self, forKey: .instruction) ?? ""
        input = try c.decodeIfPresent(String.self, forKey: .input) ?? ""
        variables = try c.decodeIfPresent([String: String].self, forKey: .variables) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(system, forKey: .system)
        try c.encode(instruction, forKey: .instruction)
        try c.encode(input, forKey: .input)
        // Sorted, so the same prompt always gives the same bytes (git diffs stay quiet).
        var vars = c.nestedContainer(keyedBy: VariableKey.self, forKey: .variables)
        for name in variables.keys.sorted() {
            try vars.encode(variables[name] ?? "", forKey: VariableKey(stringValue: name))
        }
    }
}
