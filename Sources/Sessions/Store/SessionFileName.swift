import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How session files are named: `2025-06-01-140322-a1b2c3.jsonl` (creation time in UTC, then the id's start),
/// so `ls` sorts them by age and a rename never has to touch the file name.
public enum SessionFileName {
    public static let fileExtension = "jsonl"

    public static func make(created: Date, id: String) -> String {
        var t = time_t(created.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        let stamp = String(
            format: "%04d-%02d-%02d-%02d%02d%02d",
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec)
        )
        return "\(stamp)-\(id.prefix(6)).\(fileExtension)"
    }

    /// A new random session id: 16 lowercase hex digits.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
