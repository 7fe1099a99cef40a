import Foundation

/// What the fault server does for a request, chosen by the **model name** (`faults:<mode>[,option=value...]`).
///
/// | Mode | Behaviour |
/// |---|---|
/// | `ok` | 200, `tokens` tokens of deterministic text (`FaultText`), usage, finish, terminator |
/// | `http-<status>` | that status before any stream, with the protocol's error body (`http-401`, `http-403`, `http-404`, `http-500`, `http-503`, `http-529` overloaded, any 400–599) |
/// | `unknown-model` | same as `http-404`: the protocol's "model not found" error |
/// | `http-<status>-retry-after-<s>` | adds `retry-after: <s>` seconds (gemini: `RetryInfo.retryDelay` in the body instead) |
/// | `http-<status>-retry-after-ms-<ms>` | adds `retry-after-ms: <ms>` |
/// | `http-<status>-retry-after-date-<s>` | adds `retry-after: <HTTP date s seconds from now>` |
/// | `http-<status>-no-retry` | adds `x-should-retry: false` |
/// | `http-<status>-retry` | adds `x-should-retry: true` |
/// | `http-429-quota` | 429 whose body says `insufficient_quota` / `enforced_spend_limit_reached` |
/// | `reset-before-response` | reads the request, then TCP RST without a byte |
/// | `midstream-error-after-<n>` | n tokens, then the protocol's mid-stream error shape, then close |
/// | `reset-after-<n>` | n tokens, then TCP RST |
/// | `cut-after-<n>` | n tokens, then a clean end of the HTTP body without the protocol's terminator |
/// | `stall-after-<n>` | n tokens, then silence until the client hangs up |
/// | `invalid-utf8` | text deltas carrying invalid UTF-8 bytes, then a normal finish |
/// | `malformed-json` | 3 tokens, one event whose JSON is cut short, 3 more tokens, normal finish |
/// | `large-<mb>` | an answer of `<mb>` MB in 1 KB numbered lines (`large-50` for 50 MB) |
/// | `endless` | tokens forever, until the client hangs up |
/// | `drip` | the `ok` answer written one byte per second (per `delay` ms when given) |
/// | `hostile` | escape sequences (clear screen, cursor moves, OSC 0/2 titles, OSC 52 clipboard, OSC 8 link), C0 and C1 controls, bidi overrides |
/// | `hostile-long-line` | one line of 100,000 characters |
/// | `hostile-many-lines` | 10,000 short lines |
///
/// Options, appended with commas (`ok,tokens=200,delay=20`):
///
/// | Option | Meaning |
/// |---|---|
/// | `tokens=<n>` | answer length for `ok` and `drip` (default 12) |
/// | `delay=<ms>` | pause between tokens (for `drip`: between bytes; default 1000 there, 0 elsewhere) |
/// | `reasoning=<n>` | n reasoning tokens before the text (thinking / reasoning_content / thought parts) |
/// | `fail=<k>` | only the first k requests with this exact model name get the fault; later ones get `ok` |
/// | `head-delay=<ms>` | pause before the response head |
/// | `id=<x>` | ignored; makes a model name unique so `fail=` counters do not collide |
public enum FaultMode: Sendable, Equatable {
    case ok
    case httpError(status: Int, hint: HTTPErrorHint)
    case resetBeforeResponse
    case midstreamError(afterTokens: Int)
    case reset(afterTokens: Int)
    case cut(afterTokens: Int)
    case stall(afterTokens: Int)
    case invalidUTF8
    case malformedJSON
    case large(megabytes: Int)
    case endless
    case drip
    case hostile
    case hostileLongLine
    case hostileManyLines

    /// Extra signals an error response carries.
    public enum HTTPErrorHint: Sendable, Equatable {
        case none
        case retryAfterSeconds(Double)
        case retryAfterMilliseconds(Int)
        case retryAfterDate(secondsFromNow: Int)
        case shouldRetry(Bool)
        case quota
    }

    /// Parses a mode name (without options); nil when unknown.
    public init?(name: String) {
        switch name {
        case "ok": self = .ok
        case "unknown-model": self = .httpError(status: 404, hint: .none)
        case "reset-before-response": self = .resetBeforeResponse
        case "invalid-utf8": self = .invalidUTF8
        case "malformed-json": self = .malformedJSON
        case "endless": self = .endless
        case "drip": self = .drip
        case "hostile": self = .hostile
        case "hostile-long-line": self = .hostileLongLine
        case "hostile-many-lines": self = .hostileManyLines
        default:
            if let mode = Self.parseCounted(name) ?? Self.parseHTTP(name) { self = mode } else { return nil }
        }
    }

    private static func parseCounted(_ name: String) -> FaultMode? {
        let forms: [(String, (Int) -> FaultMode)] = [
            ("midstream-error-after-", { .midstreamError(afterTokens: $0) }),
            ("reset-after-", { .reset(afterTokens: $0) }),
            ("cut-after-", { .cut(afterTokens: $0) }),
            ("stall-after-", { .stall(afterTokens: $0) }),
            ("large-", { .large(megabytes: $0) }),
        ]
        for (prefix, make) in forms where name.hasPrefix(prefix) {
            guard let n = Int(name.dropFirst(prefix.count)), n >= 0 else { return nil }
            return make(n)
        }
        return nil
    }

    private static func parseHTTP(_ name: String) -> FaultMode? {
        guard name.hasPrefix("http-") else { return nil }
        let rest = name.dropFirst(5)
        guard let status = Int(rest.prefix(3)), (400...599).contains(status) else { return nil }
        let suffix = String(rest.dropFirst(3))
        let hint: HTTPErrorHint
        switch suffix {
        case "": hint = .none
        case "-no-retry": hint = .shouldRetry(false)
        case "-retry": hint = .shouldRetry(true)
        case "-quota": hint = .quota
        default:
            if suffix.hasPrefix("-retry-after-ms-"), let ms = Int(suffix.dropFirst(16)) {
                hint = .retryAfterMilliseconds(ms)
            } else if suffix.hasPrefix("-retry-after-date-"), let s = Int(suffix.dropFirst(18)) {
                hint = .retryAfterDate(secondsFromNow: s)
            } else if suffix.hasPrefix("-retry-after-"), let s = Double(suffix.dropFirst(13)) {
                hint = .retryAfterSeconds(s)
            } else {
                return nil
            }
        }
        return .httpError(status: status, hint: hint)
    }

    /// Model names worth listing: what the model-list endpoints return.
    public static let examples: [String] = [
        "ok", "ok,tokens=200,delay=30", "ok,reasoning=5", "http-401", "http-403", "http-404", "unknown-model",
        "http-429", "http-429-retry-after-1", "http-429-retry-after-ms-500", "http-429-retry-after-date-2", "http-429-quota",
        "http-500", "http-503", "http-529", "http-503-no-retry", "http-529,fail=1", "http-429-retry-after-1,fail=2",
        "reset-before-response,fail=1", "midstream-error-after-5", "reset-after-5", "cut-after-5", "stall-after-5",
        "invalid-utf8", "malformed-json", "large-50", "endless,delay=50", "drip", "hostile", "hostile-long-line",
        "hostile-many-lines",
    ]

    /// The mode and option tables as plain text, for `refract-fault-server --help`.
    public static let helpTable = """
        MODES (the model name selects the behaviour: faults:<mode>[,option=value...])
          ok                                n tokens of deterministic text, usage, finish, terminator
          http-<status>                     that status before any stream, in the protocol's error shape
                                            (http-401, http-403, http-404, http-500, http-503, http-529 ...)
          unknown-model                     same as http-404
          http-<status>-retry-after-<s>     adds retry-after: <s> (gemini: RetryInfo.retryDelay in the body)
          http-<status>-retry-after-ms-<ms> adds retry-after-ms: <ms>
          http-<status>-retry-after-date-<s> adds retry-after: <HTTP date, s seconds from now>
          http-<status>-no-retry            adds x-should-retry: false
          http-<status>-retry               adds x-should-retry: true
          http-429-quota                    429 whose body says insufficient_quota / enforced_spend_limit_reached
          reset-before-response             TCP reset before any response byte
          midstream-error-after-<n>         n tokens, then the protocol's mid-stream error, then close
          reset-after-<n>                   n tokens, then TCP reset
          cut-after-<n>                     n tokens, then a clean close without the protocol's terminator
          stall-after-<n>                   n tokens, then silence until the client hangs up
          invalid-utf8                      text deltas with invalid UTF-8 bytes
          malformed-json                    one event with truncated JSON in the middle of an answer
          large-<mb>                        an answer of <mb> MB (large-50 for 50 MB)
          endless                           tokens forever
          drip                              the ok answer, one byte per second (per delay ms if given)
          hostile                           escape sequences, OSC 0/2/8/52, C0/C1 controls, bidi overrides
          hostile-long-line                 one line of 100,000 characters
          hostile-many-lines                10,000 short lines

        OPTIONS (comma separated after the mode)
          tokens=<n>        answer length for ok and drip (default 12)
          delay=<ms>        pause between tokens (drip: between bytes, default 1000)
          reasoning=<n>     n reasoning tokens before the text
          fail=<k>          only the first k requests with this exact model name fail; then ok
          head-delay=<ms>   pause before the response head
          id=<x>            ignored; makes a model name unique for fail= counters

        ENDPOINTS (any path prefix)
          POST .../messages                      anthropic SSE
          POST .../chat/completions              openai-chat SSE
          POST .../completions                   openai completions SSE
          POST .../responses                     openai-responses SSE
          POST .../models/<m>:streamGenerateContent  gemini (alt=sse: SSE with CRLF, else a JSON array)
          POST /api/chat, /api/generate          ollama NDJSON
          GET  .../models, /api/tags             model lists (anthropic paging with limit/after_id,
                                                 gemini with pageSize/pageToken)
        """
}
