/// One visual row of wrapped text: which part of the source it shows and how wide it is.
public struct WrappedLine: Sendable, Hashable {
    /// UTF-8 offsets of the source text on this row; the newline that ends a paragraph is not included.
    public var range: Range<Int>
    /// Display columns the row takes, at most the wrap width (spaces hanging past the edge are not counted).
    public var width: Int
    /// True when a newline or the end of the text ends this row; false at a soft wrap.
    public var endsParagraph: Bool

    public init(range: Range<Int>, width: Int, endsParagraph: Bool) {
        self.range = range
        self.width = width
        self.endsParagraph = endsParagraph
    }

    /// The row's text in `source` (the string it was wrapped from).
    public func text(in source: String) -> Substring {
        let utf8 = source.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let hi = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
        return source[lo..<hi]
    }
}
