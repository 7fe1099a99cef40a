import Foundation

/// What to do after a failed attempt.
public enum RetryDecision: Sendable, Equatable {
    /// Wait this many seconds, then send the request again.
    case retry(after: Double)
    /// Report the error.
    case giveUp(GiveUpReason)

    /// Why a failure is final.
    public enum GiveUpReason: Sendable, Equatable {
        /// Text or reasoning was already shown: a retry would duplicate or contradict it.
        case contentShown
        /// The failure came after a 2xx head: the answer had started.
        case midStream
        /// `maxRetries` retries were already made.
        case exhausted
        /// The server said `x-should-retry: false`.
        case serverSaidNo
        /// A quota or spend limit: waiting will not help.
        case quotaExhausted
        /// The status or error kind is not transient.
        case notTransient
    }
}
