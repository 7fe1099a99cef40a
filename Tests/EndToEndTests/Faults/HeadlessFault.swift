import Foundation
import RefractTestSupport
import Testing

/// One row of the headless fault matrix: a fault-server mode, and what `refract run` must do with it.
struct HeadlessFault: Sendable, CustomTestStringConvertible {
    /// The row's name (also the test case's name).
    let name: String
    /// The fault model name. Failing rows use `fail=k` so the user's retry (the same command again) succeeds.
    let mode: String
    var arguments: [String] = []
    /// Exit status of the first run.
    var status: Int32 = 1
    /// `finished` or `failed` in the saved session.
    var outcome = "failed"
    /// The saved error kind (any of these; the providers' mid-stream shapes differ).
    var errorKinds: Set<String> = []
    /// Words the one error line must contain.
    var says: String?
    /// The answer printed (and saved): exact.
    var answer: String = ""
    /// "retrying in …" notes on stderr before the outcome.
    var retries = 0
    /// What each retry note must contain.
    var retrySays = "retrying in"
    /// Requests the server sees for the first run.
    var requests: Int?
    /// Stop the run with Ctrl-C once text has been saved (a stream that never ends).
    var interrupt = false
    /// The user runs the same command again and gets the whole answer.
    var userRetrySucceeds = false
    /// Warning lines (not errors) on stderr, e.g. a skipped malformed event.
    var warnings = 0
    /// The answer's size in bytes, when it is too large to spell out.
    var answerBytes: Int?
    /// Seconds the first run may take at most (a stall must end by the read timeout).
    var within: Double = 60

    var testDescription: String { name }

    static let answer12 = FaultText.answer(tokens: 12)
    static let invalidUTF8Answer = "valid start, \u{FFFD} lone continuation \u{FFFD} truncated \u{FFFD} overlong \u{FFFD}\u{FFFD} end."

    static let all: [HeadlessFault] = [
        HeadlessFault(name: "401 unauthorized", mode: "http-401,fail=1", errorKinds: ["unauthorized"], says: "the API key was rejected", requests: 1, userRetrySucceeds: true),
        HeadlessFault(name: "403 forbidden", mode: "http-403,fail=1", errorKinds: ["forbidden"], says: "refused the request (HTTP 403)", requests: 1, userRetrySucceeds: true),
        HeadlessFault(name: "404 unknown model", mode: "unknown-model,fail=1", errorKinds: ["model_not_found"], says: "was not found (HTTP 404)", requests: 1, userRetrySucceeds: true),
        HeadlessFault(name: "429 retry-after seconds then success", mode: "http-429-retry-after-1,fail=1", status: 0, outcome: "finished",
                      answer: answer12, retries: 1, retrySays: "retrying in 1.0 s after HTTP 429", requests: 2),
        HeadlessFault(name: "429 retry-after-ms then success", mode: "http-429-retry-after-ms-300,fail=1", status: 0, outcome: "finished",
                      answer: answer12, retries: 1, retrySays: "retrying in 0.3 s after HTTP 429", requests: 2),
        HeadlessFault(name: "429 retry-after HTTP date then success", mode: "http-429-retry-after-date-2,fail=1", status: 0, outcome: "finished",
                      answer: answer12, retries: 1, retrySays: "after HTTP 429", requests: 2),
        HeadlessFault(name: "429 until retries run out", mode: "http-429-retry-after-ms-100,fail=3", errorKinds: ["rate_limited"], says: "HTTP 429",
                      retries: 2, requests: 3, userRetrySucceeds: true),
        HeadlessFault(name: "500 until retries run out", mode: "http-500,fail=3", errorKinds: ["server_error"], says: "server error (HTTP 500)",
                      retries: 2, retrySays: "after HTTP 500", requests: 3, userRetrySucceeds: true),
        HeadlessFault(name: "503 then success", mode: "http-503,fail=1", status: 0, outcome: "finished", answer: answer12, retries: 1,
                      retrySays: "after HTTP 503", requests: 2),
        HeadlessFault(name: "529 overloaded twice then success", mode: "http-529,fail=2", status: 0, outcome: "finished", answer: answer12, retries: 2,
                      retrySays: "after HTTP 529", requests: 3),
        HeadlessFault(name: "529 with x-should-retry false", mode: "http-529-no-retry,fail=1", errorKinds: ["overloaded"], says: "overloaded (HTTP 529)",
                      requests: 1, userRetrySucceeds: true),
        HeadlessFault(name: "TCP reset before the response", mode: "reset-before-response,fail=3", errorKinds: ["unreachable"], says: "connection reset",
                      retries: 2, retrySays: "after a connection failure", requests: 3, userRetrySucceeds: true),
        HeadlessFault(name: "mid-stream error", mode: "midstream-error-after-4,fail=1", errorKinds: ["stream_error", "overloaded"],
                      says: "mid-stream", answer: FaultText.answer(tokens: 4), requests: 1, userRetrySucceeds: true),
        HeadlessFault(name: "TCP reset mid-stream", mode: "reset-after-4,fail=1", errorKinds: ["stream_cut"], says: "was cut off",
                      answer: FaultText.answer(tokens: 4), requests: 1, userRetrySucceeds: true),
        HeadlessFault(name: "clean close without terminator", mode: "cut-after-4,fail=1", errorKinds: ["stream_cut"], says: "the stream ended before",
                      answer: FaultText.answer(tokens: 4), requests: 1, userRetrySucceeds: true),
        HeadlessFault(name: "stall after 3 tokens ends by read timeout", mode: "stall-after-3,fail=1", arguments: ["--read-timeout", "1"],
                      errorKinds: ["timeout"], says: "(read timeout)", answer: FaultText.answer(tokens: 3), requests: 1, userRetrySucceeds: true, within: 15),
        HeadlessFault(name: "invalid UTF-8", mode: "invalid-utf8", status: 0, outcome: "finished", answer: invalidUTF8Answer, requests: 1),
        HeadlessFault(name: "malformed JSON chunk", mode: "malformed-json", status: 0, outcome: "finished", answer: FaultText.answer(tokens: 6),
                      requests: 1, warnings: 1),
        HeadlessFault(name: "50 MB answer", mode: "large-50", status: 0, outcome: "finished", requests: 1, answerBytes: 50 << 20, within: 240),
        HeadlessFault(name: "endless stream stopped with Ctrl-C", mode: "endless,delay=20", errorKinds: ["cancelled"], says: "cancelled",
                      requests: 1, interrupt: true),
        HeadlessFault(name: "slow drip reassembled", mode: "drip,delay=2,tokens=3", status: 0, outcome: "finished", answer: FaultText.answer(tokens: 3),
                      requests: 1),
        HeadlessFault(name: "hostile escape sequences", mode: "hostile", status: 0, outcome: "finished", requests: 1),
        HeadlessFault(name: "100,000-character line", mode: "hostile-long-line", status: 0, outcome: "finished", requests: 1, answerBytes: 100_001),
        HeadlessFault(name: "10,000 short lines", mode: "hostile-many-lines", status: 0, outcome: "finished", requests: 1,
                      answerBytes: (1...10_000).map { "line \($0)\n".utf8.count }.reduce(0, +)),
    ]
}
