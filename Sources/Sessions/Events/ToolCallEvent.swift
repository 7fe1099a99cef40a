import Foundation

/// A coalesced piece of a streamed tool call: `arguments` is a JSON fragment to append for `index`.
public struct ToolCallEvent: Sendable, Equatable, Codable {
    public var run: Int
    public var ms: Int
    public var index: Int
    public var id: String?
    public var name: String?
    public var arguments: String

    public init(run: Int, ms: Int, index: Int, id: String? = nil, name: String? = nil, arguments: String) {
        self.run = run
        self.ms = ms
        self.index = index
        self.id = id
        self.name = name
        self.arguments = arguments
    }

    enum CodingKeys: String, CodingKey { case run, ms, index, id, name, arguments }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        run = try c.decode(Int.self, forKey: .run)
        ms = try c.decodeIfPresent(Int.self, forKey: .ms) ?? 0
        index = try c.decodeIfPresent(Int.self, forKey: .index) ?? 0
        id = try c.decodeIfPresent(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        arguments = try c.decodeIfPresent(String.self, forKey: .arguments) ?? ""
    }
}
