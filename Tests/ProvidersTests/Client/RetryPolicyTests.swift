import Foundation
import Testing
@testable import Providers

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy()
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    func response(
        _ status: Int, _ headers: HeaderFields = [:], body: String = "", retryAfter: Double? = nil, shown: Bool = false
    ) -> FailedAttempt {
        FailedAttempt(
            stage: .errorResponse,
            error: ProviderError(kind: .serverError, message: "x", status: status, retryAfter: retryAfter),
            headers: headers, body: Data(body.utf8), contentShown: shown
        )
    }

    func decide(_ failure: FailedAttempt, retries: Int = 0, jitter: Double = 0) -> RetryDecision {
        policy.decide(after: failure, retriesSoFar: retries, now: now, jitter: jitter)
    }

    @Test func transientStatusesRetryAndOthersDoNot() {
        for status in 400...599 {
            let expected = status == 408 || status == 409 || status == 429 || status >= 500
            let decision = decide(response(status))
            #expect((decision == .retry(after: 0.5)) == expected, "status \(status): \(decision)")
            if !expected { #expect(decision == .giveUp(.notTransient), "status \(status)") }
        }
        #expect(decide(response(529)) == .retry(after: 0.5))
    }

    @Test func shouldRetryHeaderOverridesTheStatusRule() {
        #expect(decide(response(400, ["x-should-retry": "true"])) == .retry(after: 0.5))
        #expect(decide(response(404, ["X-Should-Retry": " TRUE "])) == .retry(after: 0.5))
        #expect(decide(response(529, ["x-should-retry": "false"])) == .giveUp(.serverSaidNo))
        #expect(decide(response(429, ["x-should-retry": "false", "retry-after": "1"])) == .giveUp(.serverSaidNo))
        #expect(decide(response(503, ["x-should-retry": "maybe"])) == .retry(after: 0.5))
        #expect(decide(response(400, ["x-should-retry": "maybe"])) == .giveUp(.notTransient))
    }

    @Test func shouldRetryTrueStillRespectsTheRetryBudget() {
        #expect(decide(response(400, ["x-should-retry": "true"]), retries: 2) == .giveUp(.exhausted))
    }

    @Test func quotaBodiesAreFinalEvenWithRetryHints() {
        let openAI = #"{"error":{"type":"insufficient_quota","code":"insufficient_quota"}}"#
        let anthropic = #"{"error":{"type":"rate_limit_error","details":{"error_code":"enforced_spend_limit_reached"}}}"#
        #expect(decide(response(429, body: openAI)) == .giveUp(.quotaExhausted))
        #expect(decide(response(429, ["retry-after": "1"], body: anthropic)) == .giveUp(.quotaExhausted))
        #expect(decide(response(429, ["x-should-retry": "true"], body: openAI)) == .giveUp(.quotaExhausted))
        // Only a 429 is a quota answer; a 500 mentioning the word is still transient.
        #expect(decide(response(500, body: openAI)) == .retry(after: 0.5))
        #expect(decide(response(429, body: #"{"error":{"code":"rate_limit_exceeded"}}"#)) == .retry(after: 0.5))
    }

    @Test func neverRetriesOnceContentWasShown() {
        #expect(decide(response(429, ["x-should-retry": "true"], shown: true)) == .giveUp(.contentShown))
        let midStream = FailedAttempt(stage: .midStream, error: ProviderError(kind: .unreachable, message: "reset"), contentShown: true)
        #expect(decide(midStream) == .giveUp(.contentShown))
        let beforeResponse = FailedAttempt(stage: .beforeResponse, error: ProviderError(kind: .unreachable, message: "x"), contentShown: true)
        #expect(decide(beforeResponse) == .giveUp(.contentShown))
    }

    @Test func neverRetriesAfterA2xxHead() {
        for kind in [ProviderError.Kind.overloaded, .unreachable, .timeout, .streamCut] {
            let failure = FailedAttempt(stage: .midStream, error: ProviderError(kind: kind, message: "x"))
            #expect(decide(failure) == .giveUp(.midStream), "\(kind)")
        }
    }

    @Test func connectionFailuresBeforeAnyByteRetry() {
        for kind in ProviderError.Kind.allCases {
            let failure = FailedAttempt(stage: .beforeResponse, error: ProviderError(kind: kind, message: "x"))
            let expected: RetryDecision = kind == .unreachable || kind == .timeout ? .retry(after: 0.5) : .giveUp(.notTransient)
            #expect(decide(failure) == expected, "\(kind)")
        }
        let refused = FailedAttempt(stage: .beforeResponse, error: ProviderError(kind: .unreachable, message: "refused"))
        #expect(decide(refused, retries: 1) == .retry(after: 1))
        #expect(decide(refused, retries: 2) == .giveUp(.exhausted))
    }

    @Test func maxRetriesIsConfigurable() {
        let five = RetryPolicy(maxRetries: 5)
        #expect(five.decide(after: response(503), retriesSoFar: 4, now: now, jitter: 0) == .retry(after: 8))
        #expect(five.decide(after: response(503), retriesSoFar: 5, now: now, jitter: 0) == .giveUp(.exhausted))
        #expect(RetryPolicy.none.decide(after: response(503), retriesSoFar: 0, now: now, jitter: 0) == .giveUp(.exhausted))
        #expect(RetryPolicy(maxRetries: -3).maxRetries == 0)
    }

    @Test func backoffDoublesFromHalfASecondToEightWithJitterShorteningUpToAQuarter() {
        let waits = (0..<7).map { policy.backoff(retriesSoFar: $0, jitter: 0) }
        #expect(waits == [0.5, 1, 2, 4, 8, 8, 8])
        #expect(policy.backoff(retriesSoFar: 0, jitter: 1) == 0.375)
        #expect(policy.backoff(retriesSoFar: 4, jitter: 0.5) == 7)
        #expect(policy.backoff(retriesSoFar: 1000, jitter: 0) == 8)
        // Out-of-range jitter is clamped rather than trusted.
        #expect(policy.backoff(retriesSoFar: 0, jitter: 7) == 0.375)
        #expect(policy.backoff(retriesSoFar: 0, jitter: -1) == 0.5)
        #expect(decide(response(503), retries: 1, jitter: 0.5) == .retry(after: 0.875))
    }

    @Test func retryAfterMillisecondsWinsOverSeconds() {
        #expect(decide(response(429, ["retry-after-ms": "1500", "retry-after": "9"])) == .retry(after: 1.5))
        #expect(decide(response(429, ["retry-after-ms": "1250"])) == .retry(after: 1.25))
    }

    @Test func retryAfterSecondsAcceptsFractions() {
        #expect(decide(response(429, ["retry-after": "2"])) == .retry(after: 2))
        #expect(decide(response(503, ["Retry-After": "0.75"])) == .retry(after: 0.75))
        #expect(decide(response(503, ["retry-after": "60"])) == .retry(after: 60))
    }

    @Test func retryAfterHTTPDatesInEveryAllowedFormat() {
        let date = now.addingTimeInterval(5)
        let formats = ["EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM d HH:mm:ss yyyy"]
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            let text = formatter.string(from: date)
            #expect(decide(response(429, ["retry-after": text])) == .retry(after: 5), "\(text)")
        }
    }

    @Test func unusableServerWaitsFallBackToBackoff() {
        for value in ["0", "-1", "61", "3600", "soon", "", "nan", "inf"] {
            #expect(decide(response(429, ["retry-after": value])) == .retry(after: 0.5), "retry-after \(value)")
        }
        #expect(decide(response(429, ["retry-after-ms": "0"])) == .retry(after: 0.5))
        #expect(decide(response(429, ["retry-after-ms": "61000"])) == .retry(after: 0.5))
        // A date in the past is a non-positive wait.
        #expect(decide(response(429, ["retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"])) == .retry(after: 0.5))
        // An unusable ms value falls through to a usable seconds value.
        #expect(decide(response(429, ["retry-after-ms": "0", "retry-after": "3"])) == .retry(after: 3))
    }

    @Test func providerRetryDelayIsUsedWhenNoHeaderSaysOtherwise() {
        #expect(decide(response(429, retryAfter: 34.4)) == .retry(after: 34.4))
        #expect(decide(response(429, ["retry-after": "2"], retryAfter: 34.4)) == .retry(after: 2))
        #expect(decide(response(429, retryAfter: 120)) == .retry(after: 0.5))
        #expect(decide(response(429, retryAfter: 0)) == .retry(after: 0.5))
    }

    @Test func exhaustionComesBeforeAnyWait() {
        #expect(decide(response(429, ["retry-after": "1"]), retries: 2) == .giveUp(.exhausted))
    }

    @Test func retryNotesNameTheWaitTheCauseAndTheAttempt() {
        #expect(policy.retryNote(delay: 1.234, after: response(429), nextAttempt: 2) == "retrying in 1.2 s after HTTP 429 (attempt 2 of 3)")
        let refused = FailedAttempt(stage: .beforeResponse, error: ProviderError(kind: .unreachable, message: "x"))
        #expect(policy.retryNote(delay: 0.5, after: refused, nextAttempt: 3) == "retrying in 0.5 s after a connection failure (attempt 3 of 3)")
        let timeout = FailedAttempt(stage: .beforeResponse, error: ProviderError(kind: .timeout, message: "x"))
        #expect(RetryPolicy(maxRetries: 4).retryNote(delay: 8, after: timeout, nextAttempt: 2) == "retrying in 8.0 s after a timeout (attempt 2 of 5)")
    }

    @Test func parseRetryAfterHandlesNumbersAndDates() {
        #expect(RetryPolicy.parseRetryAfter(" 12 ", now: now) == 12)
        #expect(RetryPolicy.parseRetryAfter("1.5", now: now) == 1.5)
        #expect(RetryPolicy.parseRetryAfter("Tue, 14 Nov 2023 22:13:30 GMT", now: now) == 10)
        #expect(RetryPolicy.parseRetryAfter("tomorrow", now: now) == nil)
    }
}
