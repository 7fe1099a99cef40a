import Foundation

/// One message of a chat conversation: text, plus what some turns carry (the model's tool calls, a
/// tool's result, attached images or documents).
public struct ChatMessage: Sendable, Equatable {
    /// Who said it; `tool` is a tool's result going back to the model.
    public enum Role: String, Sendable, Equatable, Codable { case system, user, assistant, tool }
    public var role: Role
    public var content: String
    /// The calls an assistant turn made (the tool loop sends them back with the results).
    public var toolCalls: [ToolCall] = []
    /// For a `tool` turn: the call it answers (its id and the tool's name; Gemini matches by name).
    public var toolCallID: String?
    public var toolName: String?
    /// Images and documents that go with this turn as their own parts (text files are placed in `content`).
    public var attachments: [MessageAttachment] = []

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// Sampling and length settings that every protocol understands (each maps what it supports).
public struct GenerationParameters: Sendable, Equatable, Codable {
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    public var stop: [String]
    public var seed: Int?
    /// Ask for each token's log-probability and this many alternatives (0: the chosen token only).
    public var logprobs: Int?

    public init(temperature: Double? = nil, topP: Double? = nil, maxTokens: Int? = nil, stop: [String] = [], seed: Int? = nil, logprobs: Int? = nil) {
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.stop = stop
        self.seed = seed
        self.logprobs = logprobs
    }

    enum CodingKeys: String, CodingKey {
        case temperature, topP = "top_p", maxTokens = "max_tokens", stop, seed, logprobs
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        temperature = try c.decodeIfPresent(Double.self, forKey: .temperature)
        topP = try c.decodeIfPresent(Double.self, forKey: .topP)
        maxTokens = try c.decodeIfPresent(Int.self, forKey: .maxTokens)
        stop = try c.decodeIfPresent([String].self, forKey: .stop) ?? []
        seed = try c.decodeIfPresent(Int.self, forKey: .seed)
        logprobs = try c.decodeIfPresent(Int.self, forKey: .logprobs)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(temperature, forKey: .temperature)
        try c.encodeIfPresent(topP, forKey: .topP)
        try c.encodeIfPresent(maxTokens, forKey: .maxTokens)
        if !stop.isEmpty { try c.encode(stop, forKey: .stop) }
        try c.encodeIfPresent(seed, forKey: .seed)
        try c.encodeIfPresent(logprobs, forKey: .logprobs)
    }
}

/// How the prompt reaches the model: as chat messages, or as one raw text to continue (base models).
public enum RequestMode: String, Sendable, Equatable, Codable {
    case chat
    /// OpenAI-compatible `/v1/completions`, Ollama `raw: true`: the model continues `rawPrompt`.
    case rawCompletion = "raw"
}

/// A provider-neutral request: what to ask and how, never how it is sent.
public struct ModelRequest: Sendable, Equatable {
    /// The model id as the provider names it (without the `provider:` prefix).
    public var model: String
    public var messages: [ChatMessage]
    public var parameters: GenerationParameters
    public var mode: RequestMode
    /// The exact text for raw completion mode when the prompt wrote its own pattern (few-shot examples).
    public var rawText: String?
    /// The JSON schema the answer must follow (structured output), sent natively where the protocol can.
    public var responseSchema: ResponseSchema?
    /// The functions the model may call, and whether it must.
    public var tools: [ToolDefinition] = []
    public var toolChoice: ToolChoice?

    public init(model: String, messages: [ChatMessage], parameters: GenerationParameters = .init(), mode: RequestMode = .chat) {
        self.model = model
        self.messages = messages
        self.parameters = parameters
        self.mode = mode
    }

    /// The system prompt: every system message, joined by a blank line.
    public var systemPrompt: String? {
        let parts = messages.filter { $0.role == .system }.map(\.content).filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    /// The user and assistant turns, in order.
    public var conversation: [ChatMessage] { messages.filter { $0.role != .system } }

    /// The text a base model continues in raw-completion mode: every message's content in order, blank-line separated.
    public var rawPrompt: String {
        if let rawText { return rawText }
        return messages.map(\.content).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}
