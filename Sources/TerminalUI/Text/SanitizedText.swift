/// Display-safe text and the parts of it that stand for controls or escape sequences the source held.
public struct SanitizedText: Sendable, Equatable {
    /// Text with no control characters except `\n` and `\t`, no bidi controls, no ZWJ or VS16.
    public var text: String
    /// UTF-8 offset ranges of `text` that show inert controls (drawn in `response.inert`), ascending.
    public var inertRanges: [Range<Int>]

    public init(text: String, inertRanges: [Range<Int>] = []) {
        self.text = text
        self.inertRanges = inertRanges
    }

    /// Appends another sanitised piece, shifting its inert ranges.
    public mutating func append(_ other: SanitizedText) {
        let shift = text.utf8.count
        text += other.text
        for r in other.inertRanges {
            let moved = (r.lowerBound + shift)..<(r.upperBound + shift)
            if let last = inertRanges.last, last.upperBound == moved.lowerBound {
                inertRanges[inertRanges.count - 1] = last.lowerBound..<moved.upperBound
            } else {
                inertRanges.append(moved)
            }
        }
    }
}
