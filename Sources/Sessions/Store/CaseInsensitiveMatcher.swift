import Foundation

/// Finds a needle in texts regardless of case, fast for the usual ASCII needle.
///
/// Foundation's `.caseInsensitive` search goes through CFString and dominated a search of a large
/// session; an ASCII needle is matched here on UTF-8 bytes with ASCII case folding instead.
struct CaseInsensitiveMatcher {
    let needle: String
    /// The lowercased needle's bytes, when it is all ASCII.
    private let asciiFolded: [UInt8]?

    init(_ needle: String) {
        self.needle = needle
        let bytes = Array(needle.utf8)
        asciiFolded = bytes.allSatisfy { $0 < 0x80 } ? bytes.map(Self.fold) : nil
    }

    /// The first match in `text`.
    func firstMatch(in text: String) -> Range<String.Index>? {
        guard let folded = asciiFolded, let first = folded.first else {
            return text.range(of: needle, options: [.caseInsensitive])
        }
        var text = text
        let offset: Int? = text.withUTF8 { t in
            guard t.count >= folded.count else { return nil }
            var i = 0
            let last = t.count - folded.count
            while i <= last {
                if Self.fold(t[i]) == first {
                    var k = 1
                    while k < folded.count, Self.fold(t[i + k]) == folded[k] { k += 1 }
                    if k == folded.count { return i }
                }
                i += 1
            }
            return nil
        }
        guard let offset else { return nil }
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        let end = text.utf8.index(start, offsetBy: folded.count)
        return start..<end
    }

    @inline(__always)
    private static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte | 0x20 : byte
    }
}
