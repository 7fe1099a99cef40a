import Foundation

/// Token counts normalised across providers. `nil` means the provider did not report the figure.
///
/// `input` is the provider's own input figure as reported; `output` counts every billed output token,
/// reasoning included; `cacheRead`, `cacheWrite` and `reasoning` sit beside them.
public struct Usage: Sendable, Equatable, Codable {
    public var input: Int?
    public var output: Int?
    public var cacheRead: Int?
    public var cacheWrite: Int?
    public var reasoning: Int?

    public init(input: Int? = nil, output: Int? = nil, cacheRead: Int? = nil, cacheWrite: Int? = nil, reasoning: Int? = nil) {
        self.input = input
        self.output = output
        self.cacheRead = cacheRead
        self.cacheWrite = cacheWrite
        self.reasoning = reasoning
    }

    enum CodingKeys: String, CodingKey {
        case input, output, cacheRead = "cache_read", cacheWrite = "cache_write", reasoning
    }

    /// Encodes every field, `null` included, so the summary object always has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(input, forKey: .input)
        try c.encode(output, forKey: .output)
        try c.encode(cacheRead, forKey: .cacheRead)
        try c.encode(cacheWrite, forKey: .cacheWrite)
        try c.encode(reasoning, forKey: .reasoning)
    }

    /// This usage with every field that `newer` reports overwritten (Anthropic's message_start → message_delta rule).
    public func overwritten(by newer: Usage) -> Usage {
        Usage(
            input: newer.input ?? input,
            output: newer.output ?? output,
            cacheRead: newer.cacheRead ?? cacheRead,
            cacheWrite: newer.cacheWrite ?? cacheWrite,
            reasoning: newer.reasoning ?? reasoning
        )
    }

    /// True when no figure at all was reported.
    public var isEmpty: Bool { input == nil && output == nil && cacheRead == nil && cacheWrite == nil && reasoning == nil }
}
