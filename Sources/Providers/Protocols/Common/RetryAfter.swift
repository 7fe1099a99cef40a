import Foundation

/// Reads how long a provider asks us to wait: `retry-after-ms`, `retry-after` (seconds or an HTTP
/// date), or Gemini's `retryDelay` ("34.4s") in the body.
enum RetryAfter {
    /// Seconds to wait from the headers, or nil when they do not say.
    static func seconds(from headers: HeaderFields, now: Date = Date()) -> Double? {
        if let text = headers["retry-after-ms"], let millis = Double(text.trimmingCharacters(in: .whitespaces)), millis.isFinite, millis >= 0 {
            return millis / 1000
        }
        guard let text = headers["retry-after"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 { return seconds }
        guard let date = httpDate(text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// Seconds in a protobuf duration string such as `"34.4s"`.
    static func seconds(fromDuration text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("s"), let seconds = Double(trimmed.dropLast()), seconds.isFinite, seconds >= 0 else { return nil }
        return seconds
    }

    /// Parses an IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`).
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
