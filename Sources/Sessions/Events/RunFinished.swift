import Foundation
import Providers

/// A run ended normally.
public struct RunFinished: Sendable, Equatable, Codable {
    public var run: Int
    public var finish: FinishReason.Kind
    /// The provider's own word (`end_turn`, `MAX_TOKENS`), when it sent one.
    public var rawFinish: String?
    /// Time to the first answer, reasoning or tool-call token; nil when none came.
    public var ttftMs: Int?
    public var totalMs: Int
    /// The answer checked against the run's response schema, when it had one (absent in older files).
    public var schema: SchemaVerdict?

    public init(run: Int, finish: FinishReason.Kind, rawFinish: String? = nil, ttftMs: Int?, totalMs: Int) {
        self.run = run
        self.finish = finish
        self.rawFinish = rawFinish
        self.ttftMs = ttftMs
        self.totalMs = totalMs
    }

    enum CodingKeys: String, CodingKey {
        case run, finish, rawFinish = "raw_finish", ttftMs = "ttft_ms", totalMs = "total_ms", schema
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        run = try c.decode(Int.self, forKey: .run)
        finish = try c.decodeLenient(FinishReason.Kind.self, forKey: .finish, fallback: .other)
        rawFinish = try c.decodeIfPresent(String.self, forKey: .rawFinish)
        ttftMs = try c.decodeIfPresent(Int.self, forKey: .ttftMs)
        totalMs = try c.decodeIfPresent(Int.self, forKey: .totalMs) ?? 0
        schema = try c.decodeIfPresent(SchemaVerdict.self, forKey: .schema)
    }

    /// The finish reason as the provider layer names it.
    public var finishReason: FinishReason { FinishReason(finish, raw: rawFinish) }
}
