import Foundation
import Providers

/// What answered one tool call of the loop (`index` matches its `tool_call` events), written whole.
public struct ToolResultEvent: Sendable, Equatable, Codable {
    public var run: Int
    public var ms: Int
    public var result: ToolResult

    public init(run: Int, ms: Int, result: ToolResult) {
        self.run = run
        self.ms = ms
        self.result = result
    }

    enum CodingKeys: String, CodingKey { case run, ms }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        run = try c.decode(Int.self, forKey: .run)
        ms = try c.decodeIfPresent(Int.self, forKey: .ms) ?? 0
        result = try ToolResult(from: decoder)
    }

    /// `run`, `ms`, then the result's fields flat in the same object.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(run, forKey: .run)
        try c.encode(ms, forKey: .ms)
        try result.encode(to: encoder)
    }
}
