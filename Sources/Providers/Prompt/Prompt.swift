import Foundation

/// What the user writes: a system prompt, an instruction, an input, and values for `{{variables}}`.
public struct Prompt: Sendable, Equatable, Codable {
    public var system: String
    public var instruction: String
    public var input: String
    /// Values by variable name; names come from `{{name}}` in the three texts.
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

    /// Missing fields read as empty, so older or hand-written files still load.
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
        // Sorted, so the same prompt always gives the same bytes (git diffs of sessions stay quiet).
        var vars = c.nestedContainer(keyedBy: VariableKey.self, forKey: .variables)
        for name in variables.keys.sorted() {
            try vars.encode(variables[name] ?? "", forKey: VariableKey(stringValue: name))
        }
    }

    /// Variable names used in the texts, in order of first appearance.
    public var variableNames: [String] {
        var seen = Set<String>()
        return [system, instruction, input].flatMap(PromptTemplate.variableNames(in:)).filter { seen.insert($0).inserted }
    }

    /// Names used but without a value.
    public var missingVariables: [String] { variableNames.filter { variables[$0] == nil } }

    /// The request this prompt becomes: system message, then one user message holding the instruction
    /// and the input (instruction first, a blank line between). Raw mode joins all three as plain text.
    public func request(model: String, parameters: GenerationParameters, mode: RequestMode) throws(ProviderError) -> ModelRequest {
        let missing = missingVariables
        guard missing.isEmpty else {
            let list = missing.map { "{{\($0)}}" }.joined(separator: ", ")
            throw ProviderError(kind: .invalidInput, message: "no value for \(list): give one with --var \(missing[0])=VALUE or in the variables table")
        }
        let system = PromptTemplate.fill(self.system, with: variables)
        let user = [instruction, input].map { PromptTemplate.fill($0, with: variables) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        guard !user.isEmpty || !system.isEmpty else {
            throw ProviderError(kind: .invalidInput, message: "the prompt is empty: write an instruction or an input")
        }
        var messages: [ChatMessage] = []
        if !system.isEmpty { messages.append(ChatMessage(role: .system, content: system)) }
        if !user.isEmpty { messages.append(ChatMessage(role: .user, content: user)) }
        return ModelRequest(model: model, messages: messages, parameters: parameters, mode: mode)
    }
}
