@testable import CursesBackend
import Testing
import TerminalUI

/// Codes as ncurses numbers them; the decoder only needs them to be distinct.
let sampleKeyCodes = CursesKeyCodes(
    up: 0o403, down: 0o402, left: 0o404, right: 0o405, home: 0o406, end: 0o550, pageUp: 0o523, pageDown: 0o522,
    insert: 0o513, delete: 0o512, backspace: 0o407, enter: 0o527, backTab: 0o541,
    shiftLeft: 0o611, shiftRight: 0o622, shiftUp: 0o521, shiftDown: 0o520,
    shiftHome: 0o607, shiftEnd: 0o602, shiftDelete: 0o577, shiftInsert: 0o610,
    shiftPageDown: 0o614, shiftPageUp: 0o616, f0: 0o410)

private func decoder(extended: [Int32: KeyPress] = [:]) -> InputDecoder {
    InputDecoder(keyCodes: KeyCodeMap.build(codes: sampleKeyCodes, extended: extended))
}

private func scalars(_ text: String) -> [RawInput] { text.unicodeScalars.map { .scalar($0.value) } }

private func key(_ k: Key, _ m: Modifiers = []) -> InputEvent { .key(KeyPress(k, m)) }

@Suite struct InputDecoderTests {
    @Test func printableAndWideCharacters() {
        var d = decoder()
        #expect(d.decode(scalars("a日Z")) == [key(.char("a")), key(.char("日")), key(.char("Z"))])
    }

    @Test func controlBytesBecomeCtrlLetters() {
        var d = decoder()
        #expect(d.decode([.scalar(0x12), .scalar(0x01), .scalar(0x1A)]) == [
            key(.char("r"), .ctrl), key(.char("a"), .ctrl), key(.char("z"), .ctrl),
        ])
    }

    @Test func tabEnterBackspaceAreNotCtrlLetters() {
        var d = decoder()
        #expect(d.decode([.scalar(9), .scalar(13), .scalar(10), .scalar(8), .scalar(127)]) == [
            key(.tab), key(.enter), key(.enter), key(.backspace), key(.backspace),
        ])
    }

    @Test func ctrlSpaceAndPunctuation() {
        var d = decoder()
        #expect(d.decode([.scalar(0), .scalar(28), .scalar(31)]) == [
            key(.char(" "), .ctrl), key(.char("\\"), .ctrl), key(.char("_"), .ctrl),
        ])
    }

    @Test func loneEscapeIsEscape() {
        var d = decoder()
        #expect(d.decode([.scalar(27)]) == [key(.escape)])
    }

    @Test func escapeThenCharacterIsAlt() {
        var d = decoder()
        #expect(d.decode([.scalar(27), .scalar(0x78)]) == [key(.char("x"), .alt)])
        #expect(d.decode([.scalar(27), .scalar(0x12)]) == [key(.char("r"), [.ctrl, .alt])])
        #expect(d.decode([.scalar(27), .keyCode(sampleKeyCodes.up)]) == [key(.up, .alt)])
    }

    @Test func twoEscapesAreTwoEscapeKeys() {
        var d = decoder()
        #expect(d.decode([.scalar(27), .scalar(27)]) == [key(.escape), key(.escape)])
    }

    @Test func escapeBeforeMouseOrPasteStaysEscape() {
        var d = decoder()
        let click = MouseEvent(kind: .press, x: 1, y: 2)
        #expect(d.decode([.scalar(27), .mouse(click)]) == [key(.escape), .mouse(click)])
    }

    @Test func functionKeyCodes() {
        var d = decoder()
        let f0 = sampleKeyCodes.f0
        #expect(d.decode([.keyCode(f0 + 1), .keyCode(f0 + 5), .keyCode(f0 + 12), .keyCode(f0 + 13), .keyCode(f0 + 29)]) == [
            key(.function(1)), key(.function(5)), key(.function(12)), key(.function(1), .shift), key(.function(5), .ctrl),
        ])
    }

    @Test func standardAndShiftedKeyCodes() {
        var d = decoder()
        let c = sampleKeyCodes
        #expect(d.decode([.keyCode(c.up), .keyCode(c.pageDown), .keyCode(c.delete), .keyCode(c.backTab), .keyCode(c.shiftLeft), .keyCode(c.shiftUp)]) == [
            key(.up), key(.pageDown), key(.delete), key(.tab, .shift), key(.left, .shift), key(.up, .shift),
        ])
    }

    @Test func extendedCodesFromTerminfo() {
        var d = decoder(extended: [600: KeyPress(.left, .ctrl), 601: KeyPress(.right, [.shift, .ctrl])])
        #expect(d.decode([.keyCode(600), .keyCode(601)]) == [key(.left, .ctrl), key(.right, [.shift, .ctrl])])
    }

    @Test func unknownKeyCodesAreDropped() {
        var d = decoder()
        #expect(d.decode([.keyCode(9999), .scalar(0x61)]) == [key(.char("a"))])
    }

    @Test func combiningMarksJoinThePrecedingCharacter() {
        var d = decoder()
        #expect(d.decode(scalars("e\u{301}x")) == [key(.char("e\u{301}")), key(.char("x"))])
        // Regional indicators pair into one flag.
        #expect(d.decode(scalars("\u{1F1EF}\u{1F1F5}")) == [key(.char("\u{1F1EF}\u{1F1F5}"))])
    }

    @Test func combiningMarkDoesNotJoinAControlKey() {
        var d = decoder()
        #expect(d.decode([.scalar(0x12), .scalar(0x301)]) == [key(.char("r"), .ctrl), key(.char("\u{301}"))])
    }

    @Test func bracketedPasteIsOneEventWithNewlines() {
        var d = decoder()
        let input: [RawInput] = [.pasteStart] + scalars("hello\r日本\r\nworld\n") + [.pasteEnd]
        #expect(d.decode(input) == [.paste("hello\n日本\nworld\n")])
        #expect(!d.isInPaste)
    }

    @Test func pasteSplitAcrossDecodesIsStillOneEvent() {
        var d = decoder()
        #expect(d.decode([.scalar(0x61), .pasteStart] + scalars("ab\r")) == [key(.char("a"))])
        #expect(d.isInPaste)
        #expect(d.decode(scalars("\n日") + [.pasteEnd, .scalar(0x7A)]) == [.paste("ab\n日"), key(.char("z"))])
    }

    @Test func pasteKeepsControlLookingTextInert() {
        var d = decoder()
        let input: [RawInput] = [.pasteStart, .scalar(0x12), .keyCode(sampleKeyCodes.up), .scalar(27), .scalar(0x61), .pasteEnd]
        // Ctrl-R and Esc stay characters of the text; a decoded key inside the paste is dropped.
        #expect(d.decode(input) == [.paste("\u{12}\u{1B}a")])
    }

    @Test func c1ControlsAreDropped() {
        var d = decoder()
        #expect(d.decode([.scalar(0x9B), .scalar(0x62)]) == [key(.char("b"))])
    }
}
