/// A growing text kept wrapped to a width: a streaming answer appends to it many times a second,
/// and each append re-wraps only its last rows (earlier rows cannot change).
///
/// It also keeps role spans (reasoning, inert controls) so `Paragraph` can style what it shows.
public struct WrappedText: Sendable {
    /// All text so far (sanitised by the caller: `append(_: SanitizedText)` does it for stream parts).
    public private(set) var text = ""
    /// The visual rows; never empty.
    public private(set) var lines: [WrappedLine]
    /// Spans drawn in a role other than the base role, ascending and non-overlapping.
    public private(set) var spans: [RoleSpan] = []
    /// The wrapper in use; change the width with `setWidth`.
    public private(set) var wrapper: WordWrapper

    public init(width: Int, tabWidth: Int = 4) {
        wrapper = WordWrapper(width: width, tabWidth: tabWidth)
        lines = [WrappedLine(range: 0..<0, width: 0, endsParagraph: true)]
    }

    public init(_ text: String, width: Int, role: ThemeRole? = nil) {
        self.init(width: width)
        append(text, role: role)
    }

    public var width: Int { wrapper.width }
    public var lineCount: Int { lines.count }
    public var isEmpty: Bool { text.isEmpty }

    /// Appends text that is already display-safe, drawn in `role` (nil: the paragraph's base role).
    public mutating func append(_ piece: String, role: ThemeRole? = nil) {
        guard !piece.isEmpty else { return }
        let start = text.utf8.count
        text += piece
        if let role { addSpan(RoleSpan(range: start..<text.utf8.count, role: role)) }
        rewrapTail(previousLength: start)
    }

    /// Appends sanitiser output: its inert parts are drawn in `inertRole`, the rest in `role`.
    public mutating func append(_ piece: SanitizedText, role: ThemeRole? = nil, inertRole: ThemeRole = .responseInert) {
        guard !piece.text.isEmpty else { return }
        let start = text.utf8.count
        text += piece.text
        var cursor = 0
        for inert in piece.inertRanges {
            if let role, inert.lowerBound > cursor { addSpan(RoleSpan(range: (start + cursor)..<(start + inert.lowerBound), role: role)) }
            addSpan(RoleSpan(range: (start + inert.lowerBound)..<(start + inert.upperBound), role: inertRole))
            cursor = inert.upperBound
        }
        if let role, cursor < piece.text.utf8.count { addSpan(RoleSpan(range: (start + cursor)..<text.utf8.count, role: role)) }
        rewrapTail(previousLength: start)
    }

    /// Re-wraps everything for a new width (a resize); nothing happens when the width is the same.
    public mutating func setWidth(_ width: Int) {
        let next = WordWrapper(width: width, tabWidth: wrapper.tabWidth)
        guard next != wrapper else { return }
        wrapper = next
        lines = wrapper.wrap(text)
    }

    /// Empties the text.
    public mutating func removeAll() {
        text = ""
        spans = []
        lines = [WrappedLine(range: 0..<0, width: 0, endsParagraph: true)]
    }

    /// The role at UTF-8 offset `offset`, or nil for the base role.
    public func role(at offset: Int) -> ThemeRole? {
        spanIndex(atOrAfter: offset).flatMap { spans[$0].range.contains(offset) ? spans[$0].role : nil }
    }

    /// Index of the first span that ends after `offset` (binary search), nil when none does.
    public func spanIndex(atOrAfter offset: Int) -> Int? {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < spans.count ? lo : nil
    }

    private mutating func addSpan(_ span: RoleSpan) {
        guard !span.range.isEmpty else { return }
        if let last = spans.last, last.role == span.role, last.range.upperBound == span.range.lowerBound {
            spans[spans.count - 1].range = last.range.lowerBound..<span.range.upperBound
        } else {
            spans.append(span)
        }
    }

    /// Re-wraps from the start of the last row. When the last row held only the old text's last
    /// grapheme after a soft wrap, the row before it is re-wrapped too: its break was decided by
    /// that grapheme, which an append can change (`\r` becoming `\r\n`, a space gaining a mark).
    private mutating func rewrapTail(previousLength: Int) {
        var start = lines.removeLast().range.lowerBound
        if let previous = lines.last, !previous.endsParagraph, startsLastGrapheme(start, previousLength: previousLength) {
            start = lines.removeLast().range.lowerBound
        }
        wrapper.wrap(text, from: start, into: &lines)
    }

    /// True when UTF-8 offset `start` begins the last grapheme of the text's first `previousLength` bytes.
    private func startsLastGrapheme(_ start: Int, previousLength: Int) -> Bool {
        guard start < previousLength else { return start == previousLength }
        let utf8 = text.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: start)
        let hi = utf8.index(utf8.startIndex, offsetBy: previousLength)
        let old = text[lo..<hi]
        return old.index(after: old.startIndex) == old.endIndex
    }
}
