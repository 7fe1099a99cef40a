import Foundation
import Providers

/// Replaces secret values (API keys, tokens) found in encoded session lines with `[redacted]`.
///
/// The recorder never reads the environment, but a model can echo a key back, and an error message
/// can quote a header; this is the last gate before bytes reach the disk.
public struct SecretScrubber: Sendable {
    /// Each secret as it appears inside an encoded JSON string.
    private let needles: [[UInt8]]
    private static let replacement: [UInt8] = Array("[redacted]".utf8)

    /// Scrubs exactly these values (shorter than 8 bytes are ignored: too likely to be ordinary text).
    public init(secrets: [String]) {
        let unique = Set(secrets.filter { $0.utf8.count >= 8 })
        // Longest first, so a key that contains another is replaced whole.
        needles = unique.map { JSONStringEscaper.escapedBody($0) }.sorted { $0.count > $1.count }
    }

    /// Scrubs nothing.
    public static let off = SecretScrubber(secrets: [])

    /// The values of environment variables whose names say they hold a secret (`*KEY*`, `*TOKEN*`,
    /// `*SECRET*`, `*PASSWORD*`, `*CREDENTIAL*`, `*AUTH*`), plus any `extra` values (keys from a config file).
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment, extra: [String] = []
    ) -> SecretScrubber {
        let markers = ["KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL", "AUTH"]
        let values = environment.compactMap { name, value -> String? in
            let upper = name.uppercased()
            guard markers.contains(where: { upper.contains($0) }) else { return nil }
            // Paths (SSH_AUTH_SOCK, XAUTHORITY) are not secrets and are common words in answers.
            guard !value.hasPrefix("/") else { return nil }
            return value.trimmingCharacters(in: .whitespaces)
        }
        return SecretScrubber(secrets: values + extra)
    }

    /// True when there is nothing to scrub.
    public var isEmpty: Bool { needles.isEmpty }

    /// Replaces every occurrence of a secret in `line`; returns whether anything was replaced.
    @discardableResult
    public func scrub(_ line: inout [UInt8]) -> Bool {
        var changed = false
        for needle in needles {
            guard let first = needle.first, line.count >= needle.count else { continue }
            var out: [UInt8] = []
            var i = 0
            var found = false
            while i <= line.count - needle.count {
                if line[i] == first, line[i..<(i + needle.count)].elementsEqual(needle) {
                    if !found {
                        found = true
                        out.reserveCapacity(line.count)
                        out.append(contentsOf: line[0..<i])
                    }
                    out.append(contentsOf: Self.replacement)
                    i += needle.count
                } else {
                    if found { out.append(line[i]) }
                    i += 1
                }
            }
            if found {
                out.append(contentsOf: line[i...])
                line = out
                changed = true
            }
        }
        return changed
    }
}
