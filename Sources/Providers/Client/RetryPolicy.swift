import Foundation

/// When and how long to wait before sending a failed request again. Pure: no clock, no randomness of its own.
///
/// The rules follow the official Anthropic and OpenAI SDKs:
/// - never after text or reasoning was shown, never after a 2xx head (mid-stream), at most `maxRetries` times;
/// - a 429 whose body names `insufficient_quota` or `enforced_spend_limit_reached` is final;
/// - `x-should-retry: true|false` overrides the status rule; otherwise 408, 409, 429 and ≥ 500 (529 too) retry;
/// - a connection refused/reset, DNS failure or timeout before any response byte retries;
/// - the wait is `retry-after-ms`, else `retry-after` (seconds, fractional, or an HTTP date), else the
///   provider's own delay (Gemini `retryDelay`, carried in `ProviderError.retryAfter`), each only when
///   0 < wait ≤ `maxServerDelay`; else exponential backoff from `initialBackoff` doubling to `maxBackoff`,
///   shortened by up to 25 % jitter.
public struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt (so at most `maxRetries + 1` attempts).
    public var maxRetries: Int
    /// First backoff, seconds.
    public var initialBackoff: Double
    /// Largest backoff, seconds.
    public var maxBackoff: Double
    /// Longest server-requested wait we honour, seconds; longer ones fall back to backoff.
    public var maxServerDelay: Double

    public init(maxRetries: Int = 2, initialBackoff: Double = 0.5, maxBackoff: Double = 8, maxServerDelay: Double = 60) {
        self.maxRetries = max(0, maxRetries)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxServerDelay = maxServerDelay
    }

    /// Never retries.
    public static let none = RetryPolicy(maxRetries: 0)

    /// Body markers of a spent quota (OpenAI `insufficient_quota`, Anthropic `enforced_spend_limit_reached`).
    public static let quotaMarkers = ["insufficient_quota", "enforced_spend_limit_reached"]

    /// Decides after `failure`, given `retriesSoFar` retries already made. `jitter` is a random number in
    /// [0, 1) (injected so tests are exact); `now` resolves `retry-after` HTTP dates.
    public func decide(after failure: FailedAttempt, retriesSoFar: Int, now: Date, jitter: Double) -> RetryDecision {
        if failure.contentShown { return .giveUp(.contentShown) }
        switch failure.stage {
        case .midStream:
            return .giveUp(.midStream)
        case .beforeResponse:
            guard [.unreachable, .timeout].contains(failure.error.kind) else { return .giveUp(.notTransient) }
            guard retriesSoFar < maxRetries else { return .giveUp(.exhausted) }
            return .retry(after: backoff(retriesSoFar: retriesSoFar, jitter: jitter))
        case .errorResponse:
            break
        }
        let status = failure.error.status ?? 0
        if status == 429, isQuotaExhausted(failure.body) { return .giveUp(.quotaExhausted) }
        switch failure.headers["x-should-retry"]?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "false": return .giveUp(.serverSaidNo)
        case "true": break
        default: guard Self.isTransient(status: status) else { return .giveUp(.notTransient) }
        }
        guard retriesSoFar < maxRetries else { return .giveUp(.exhausted) }
        if let wait = serverDelay(failure, now: now) { return .retry(after: wait) }
        return .retry(after: backoff(retriesSoFar: retriesSoFar, jitter: jitter))
    }

    /// 408, 409, 429 and every 5xx (529 "overloaded" included).
    public static func isTransient(status: Int) -> Bool {
        status == 408 || status == 409 || status == 429 || status >= 500
    }

    /// The exponential backoff before retry number `retriesSoFar + 1`.
    public func backoff(retriesSoFar: Int, jitter: Double) -> Double {
        let exponent = Double(min(max(retriesSoFar, 0), 30))
        let base = min(initialBackoff * pow(2, exponent), maxBackoff)
        return base * (1 - 0.25 * min(max(jitter, 0), 1))
    }

    /// The wait the server asked for, when it asked for a usable one.
    public func serverDelay(_ failure: FailedAttempt, now: Date) -> Double? {
        let usable: (Double) -> Double? = { $0 > 0 && $0 <= maxServerDelay ? $0 : nil }
        if let text = failure.headers["retry-after-ms"], let ms = Double(text.trimmingCharacters(in: .whitespaces)), ms.isFinite {
            if let wait = usable(ms / 1000) { return wait }
        }
        if let text = failure.headers["retry-after"], let wait = Self.parseRetryAfter(text, now: now) {
            if let wait = usable(wait) { return wait }
        }
        if let wait = failure.error.retryAfter, wait.isFinite {
            return usable(wait)
        }
        return nil
    }

    /// Seconds from `now` for a `retry-after` value: a number of seconds (fractions allowed) or an HTTP date.
    public static func parseRetryAfter(_ text: String, now: Date) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed) { return seconds.isFinite ? seconds : nil }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        return date.timeIntervalSince(now)
    }

    /// The note shown before a retry: `retrying in 1.2 s after HTTP 429 (attempt 2 of 3)`.
    public func retryNote(delay: Double, after failure: FailedAttempt, nextAttempt: Int) -> String {
        let cause: String
        if let status = failure.error.status {
            cause = "HTTP \(status)"
        } else {
            switch failure.error.kind {
            case .timeout: cause = "a timeout"
            case .unreachable: cause = "a connection failure"
            default: cause = failure.error.kind.rawValue.replacingOccurrences(of: "_", with: " ")
            }
        }
        return "retrying in \(String(format: "%.1f", delay)) s after \(cause) (attempt \(nextAttempt) of \(maxRetries + 1))"
    }

    private func isQuotaExhausted(_ body: Data) -> Bool {
        let text = String(decoding: body, as: UTF8.self)
        return Self.quotaMarkers.contains { text.contains($0) }
    }
}
