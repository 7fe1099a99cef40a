import Foundation

/// What answered one tool call, as it went back to the model: a stream part of its own, so the
/// session, the screen and `--json` see the loop through the same path as the model's parts.
public struct ToolResult: Sendable, Equatable, Codable {
    /// The index of the call it answers (the loop numbers calls across steps, so it is unique in the run).
    public var index: Int
    public var id: String
    public var name: String
    /// The text the model receives (an error result says what went wrong, so the model can correct itself).
    public var content: String
    /// True when the call failed: unknown tool, arguments that break the schema, a command that failed.
    public var isError: Bool
    /// The loop step (1-based) whose calls it answers.
    public var step: Int

    public init(index: Int, id: String, name: String, content: String, isError: Bool = false, step: Int = 1) {
        self.index = index
        self.id = id
        self.name = name
        self.content = content
        self.isError = isError
        self.step = step
    }

    enum CodingKeys: String, CodingKey { case index, id, name, content, isError = "is_error", step }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        index = try c.decodeIfPresent(Int.self, forKey: .index) ?? 0
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        content = try c.decodeIfPresent(String.self, forKey: .content) ?? ""
        isError = try c.decodeIfPresent(Bool.self, forKey: .isError) ?? false
        step = try c.decodeIfPresent(Int.self, forKey: .step) ?? 1
    }
}
