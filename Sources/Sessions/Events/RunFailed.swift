import Foundation
import Providers

/// A run failed (or was cancelled); the text recorded before it is the partial answer.
public struct RunFailed: Sendable, Equatable, Codable {
    /// The failure as saved: its kind and its one-line message.
    public struct Failure: Sendable, Equatable, Codable {
        public var kind: ProviderError.Kind
        public var message: String

        public init(kind: ProviderError.Kind, message: String) {
            self.kind = kind
            self.message = message
        }

        enum CodingKeys: String, CodingKey { case kind, message }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kind = try c.decodeLenient(ProviderError.Kind.self, forKey: .kind, fallback: .other)
            message = try c.decodeIfPresent(String.self, forKey: .message) ?? ""
        }
    }

    public var run: Int
    public var error: Failure
    public var ttftMs: Int?
    public var totalMs: Int

    public init(run: Int, error: Failure, ttftMs: Int?, totalMs: Int) {
        self.run = run
        self.error = error
        self.ttftMs = ttftMs
        self.totalMs = totalMs
    }

    enum CodingKeys: String, CodingKey { case run, error, ttftMs = "ttft_ms", totalMs = "total_ms" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        run = try c.decode(Int.self, forKey: .run)
        error = try c.decode(Failure.self, forKey: .error)
        ttftMs = try c.decodeIfPresent(Int.self, forKey: .ttftMs)
        totalMs = try c.decodeIfPresent(Int.self, forKey: .totalMs) ?? 0
    }

    /// The failure as a provider error, for replay.
    public var providerError: ProviderError { ProviderError(kind: error.kind, message: error.message) }
}
