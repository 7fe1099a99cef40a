/// How the editor shows one grapheme of the user's text.
///
/// The text itself is kept as typed or pasted (it is the prompt); only its display is made safe:
/// controls become Control Pictures, bidi controls markers, unprintable scalars U+FFFD, all in the
/// inert style. Tabs are expanded by the caller, which knows the column.
public struct EditorGlyph: Sendable, Hashable {
    public var text: String
    public var width: Int
    public var isInert: Bool

    /// The display of `grapheme` (not a tab).
    public static func of(_ grapheme: Character) -> EditorGlyph {
        let utf8 = grapheme.utf8
        if utf8.count == 1, let b = utf8.first, b >= 0x20, b < 0x7F {
            return EditorGlyph(text: String(grapheme), width: 1, isInert: false)
        }
        var needsInert = false
        for scalar in grapheme.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (v >= 0x7F && v < 0xA0) || BidiControl.isBidiControl(scalar) || !TextWidth.isPrintable(scalar) {
                needsInert = true
                break
            }
        }
        guard needsInert else {
            return EditorGlyph(text: String(grapheme), width: TextWidth.of(grapheme), isInert: false)
        }
        var shown = ""
        for scalar in grapheme.unicodeScalars { shown += InertForm.text(for: scalar) }
        return EditorGlyph(text: shown, width: TextWidth.of(shown), isInert: true)
    }

    /// Columns `grapheme` takes when it starts at `column` of a row.
    @inlinable
    public static func width(of grapheme: Character, atColumn column: Int, tabWidth: Int) -> Int {
        if grapheme == "\t" { return tabWidth - column % tabWidth }
        let utf8 = grapheme.utf8
        if utf8.count == 1, let b = utf8.first, b >= 0x20, b < 0x7F { return 1 }
        return of(grapheme).width
    }
}
