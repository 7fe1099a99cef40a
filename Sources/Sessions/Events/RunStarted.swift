import Foundation
import Providers

/// A run begins: the full prompt snapshot, the model, the protocol, the parameters.
public struct RunStarted: Sendable, Equatable, Codable {
    /// The run's number, unique within its session (1, 2, 3...).
    public var run: Int
    /// The comparison group this run belongs to (see `GroupStarted`), if any.
    public var group: Int?
    public var at: Date
    public var prompt: PromptSnapshot
    public var model: ModelRef
    /// The wire protocol used (kept as text so a newer protocol name does not make the line unreadable).
    public var protocolName: String?
    public var params: GenerationParameters
    public var mode: RequestMode
    /// A short name for the run in a comparison ("concise", "B").
    public var label: String?
    /// Which variant of the prompt this is (an instruction's name in an instructions × models grid).
    public var variant: String?
    /// Set when this run is a branch of another: where it left it (see `BranchPoint`).
    public var branch: BranchPoint?
    /// The tools the run offered the model (`tools`, absent without any) and the tool choice.
    public var tools: [RecordedTool] = []
    public var toolChoice: String?

    public init(
        run: Int, group: Int? = nil, at: Date, prompt: PromptSnapshot, model: ModelRef, protocolName: String? = nil,
        params: GenerationParameters = .init(), mode: RequestMode = .chat, label: String? = nil, variant: String? = nil,
        branch: BranchPoint? = nil
    ) {
        self.run = run
        self.group = group
        self.at = at
        self.prompt = prompt
        self.model = model
        self.protocolName = protocolName
        self.params = params
        self.mode = mode
        self.label = label
        self.variant = variant
        self.branch = branch
    }

    enum CodingKeys: String, CodingKey {
        case run, group, at, model, protocolName = "protocol", mode, label, variant, branch, params, prompt
        case tools, toolChoice = "tool_choice"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        run = try c.decode(Int.self, forKey: .run)
        group = try c.decodeIfPresent(Int.self, forKey: .group)
        at = try c.decodeTimestamp(forKey: .at)
        prompt = try c.decodeIfPresent(PromptSnapshot.self, forKey: .prompt) ?? PromptSnapshot()
        model = try c.decode(ModelRef.self, forKey: .model)
        protocolName = try c.decodeIfPresent(String.self, forKey: .protocolName)
        params = try c.decodeIfPresent(GenerationParameters.self, forKey: .params) ?? GenerationParameters()
        mode = try c.contains(.mode) ? c.decodeLenient(RequestMode.self, forKey: .mode, fallback: .chat) : .chat
        label = try c.decodeIfPresent(String.self, forKey: .label)
        variant = try c.decodeIfPresent(String.self, forKey: .variant)
        branch = try? c.decodeIfPresent(BranchPoint.self, forKey: .branch)
        tools = (try? c.decodeIfPresent([RecordedTool].self, forKey: .tools)) ?? []
        toolChoice = try? c.decodeIfPresent(String.self, forKey: .toolChoice)
    }

    /// Small fields first, the prompt last, so `head -c` and eyes see the model before the essay.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(run, forKey: .run)
        try c.encodeIfPresent(group, forKey: .group)
        try c.encode(SessionTimestamp.format(at), forKey: .at)
        try c.encode(model, forKey: .model)
        try c.encodeIfPresent(protocolName, forKey: .protocolName)
        try c.encode(mode, forKey: .mode)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encodeIfPresent(variant, forKey: .variant)
        try c.encodeIfPresent(branch, forKey: .branch)
        try c.encode(params, forKey: .params)
        if !tools.isEmpty { try c.encode(tools, forKey: .tools) }
        try c.encodeIfPresent(toolChoice, forKey: .toolChoice)
        try c.encode(prompt, forKey: .prompt)
    }
}
