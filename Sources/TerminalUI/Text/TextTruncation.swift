/// Shortening text to a number of display columns, marking the cut with `…`.
public enum TextTruncation {
    /// `text` if it fits in `width` columns, else its longest prefix of whole graphemes that fits
    /// with `ellipsis` after it. A width of 0 gives "".
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if TextWidth.of(text) <= width { return text }
        let room = width - TextWidth.of(ellipsis)
        guard room >= 0 else { return "" }
        var out = ""
        var used = 0
        for grapheme in text {
            let w = grapheme == "\t" ? 1 : TextWidth.of(grapheme)
            if used + w > room { break }
            out.append(grapheme)
            used += w
        }
        return out + ellipsis
    }

    /// Pads `text` with spaces (or truncates it) to exactly `width` columns; `alignRight` pads on the left.
    public static func fit(_ text: String, toWidth width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, toWidth: width)
        let pad = String(repeating: " ", count: max(0, width - TextWidth.of(cut)))
        return alignRight ? pad + cut : cut + pad
    }
}
