import Foundation

/// What the user writes: a system prompt, an instruction, an input, and values for `{{variables}}`.
public struct Prompt: Sendable, Equatable, Codable {
    public var system: String
    public var instruction: String
    public var input: String
    /// Values by variable name; names come from `{{name}}` in the three texts.
    public var variables: [String: String]
    /// Few-shot pairs shown before the real input (turns in chat mode, a text pattern in raw mode).
    public var examples: [FewShotExample]
    /// How examples are written in raw completion mode.
    public var rawFormat: RawExampleFormat
    /// Attached files (text, images, PDFs), in the order attached; see `ContextLayout`.
    public var files: [ContextFile] = []
    /// The JSON schema the answer must follow (structured output); recorded with the run.
    public var schema: ResponseSchema?
    /// False for a variant that only checks its answer against `schema` and does not ask for it (`schema = false`).
    public var sendsSchema = true

    public init(
        system: String = "", instruction: String = "", input: String = "", variables: [String: String] = [:],
        examples: [FewShotExample] = [], rawFormat: RawExampleFormat = .standard
    ) {
        self.system = system
        self.instruction = instruction
        self.input = input
        self.variables = variables
        self.examples = examples
        self.rawFormat = rawFormat
    }

    enum CodingKeys: String, CodingKey { case system, instruction, input, variables, examples, rawFormat = "raw_format", files, schema }

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
        examples = try c.decodeIfPresent([FewShotExample].self, forKey: .examples) ?? []
        rawFormat = try c.decodeIfPresent(RawExampleFormat.self, forKey: .rawFormat) ?? .standard
        files = (try? c.decodeIfPresent([ContextFile].self, forKey: .files)) ?? []
        let recorded = try c.decodeIfPresent(RecordedSchema.self, forKey: .schema)
        schema = recorded?.responseSchema
        sendsSchema = recorded?.sent ?? true
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
        // Only when used, so sessions of prompts without examples keep their old bytes.
        if !examples.isEmpty { try c.encode(examples, forKey: .examples) }
        if rawFormat != .standard { try c.encode(rawFormat, forKey: .rawFormat) }
        if !files.isEmpty { try c.encode(files, forKey: .files) }
        if let schema { try c.encode(RecordedSchema(schema, sent: sendsSchema), forKey: .schema) }
    }

    /// Variable names used in the texts, in order of first appearance.
    public var variableNames: [String] {
        var seen = Set<String>()
        let texts = [system, instruction, input] + examples.flatMap { [$0.input, $0.output] }
        return texts.flatMap(PromptTemplate.variableNames(in:)).filter { seen.insert($0).inserted }
    }

    /// Names used but without a value.
    public var missingVariables: [String] { variableNames.filter { variables[$0] == nil } }

    /// The request this prompt becomes. Chat: the system message, then the instruction with the first
    /// input; each few-shot example is a user turn and an assistant turn, and the instruction opens the
    /// first user turn only, so the real input ends the conversation the way the examples did. Raw mode
    /// without examples joins the texts with blank lines; with examples it writes them in `rawFormat`'s
    /// pattern and leaves the last output open for the base model to continue.
    public func request(model: String, parameters: GenerationParameters, mode: RequestMode) throws(ProviderError) -> ModelRequest {
        let missing = missingVariables
        guard missing.isEmpty else {
            let list = missing.map { "{{\($0)}}" }.joined(separator: ", ")
            throw ProviderError(kind: .invalidInput, message: "no value for \(list): give one with --var \(missing[0])=VALUE or in the variables table")
        }
        let fill = { (text: String) in PromptTemplate.fill(text, with: variables) }
        let system = fill(self.system)
        let instruction = fill(self.instruction)
        let input = fill(self.input)
        let shots = examples.map { FewShotExample(input: fill($0.input), output: fill($0.output)) }
        let user = [instruction, input].filter { !$0.isEmpty }.joined(separator: "\n\n")
        guard !user.isEmpty || !system.isEmpty || !files.isEmpty else {
            throw ProviderError(kind: .invalidInput, message: "the prompt is empty: write an instruction or an input")
        }
        var messages: [ChatMessage] = []
        if !system.isEmpty { messages.append(ChatMessage(role: .system, content: system)) }
        guard !shots.isEmpty else {
            if !user.isEmpty { messages.append(ChatMessage(role: .user, content: user)) }
            var request = ModelRequest(model: model, messages: messages, parameters: parameters, mode: mode)
            request.responseSchema = sendsSchema ? schema : nil
            return try attachingFiles(to: request)
        }
        for (index, shot) in shots.enumerated() {
            let head = index == 0 && !instruction.isEmpty ? instruction + "\n\n" : ""
            messages.append(ChatMessage(role: .user, content: head + shot.input))
            messages.append(ChatMessage(role: .assistant, content: shot.output))
        }
        messages.append(ChatMessage(role: .user, content: input))
        var request = ModelRequest(model: model, messages: messages, parameters: parameters, mode: mode)
        request.responseSchema = sendsSchema ? schema : nil
        if mode == .rawCompletion {
            let preamble = [system, instruction].filter { !$0.isEmpty }.joined(separator: "\n\n")
            let pairs = shots.map { rawFormat.pair(input: $0.input, output: $0.output) } + [rawFormat.openEnd(input: input)]
            request.rawText = (preamble.isEmpty ? "" : preamble + rawFormat.separator) + pairs.joined(separator: rawFormat.separator)
            if let stop = rawFormat.nextPairStop, !request.parameters.stop.contains(stop) { request.parameters.stop.append(stop) }
        }
        return try attachingFiles(to: request)
    }
}
