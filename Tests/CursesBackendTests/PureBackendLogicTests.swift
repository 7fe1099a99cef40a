import Foundation
@testable import CursesBackend
import Testing
import TerminalUI

@Suite struct KeyCodeMapTests {
    @Test func extendedNamesCoverCtrlArrows() {
        let names = Dictionary(KeyCodeMap.extendedNames.map { ($0.name, $0.press) }, uniquingKeysWith: { a, _ in a })
        #expect(names["kLFT5"] == KeyPress(.left, .ctrl))
        #expect(names["kRIT6"] == KeyPress(.right, [.shift, .ctrl]))
        #expect(names["kUP3"] == KeyPress(.up, .alt))
        #expect(names["kDN"] == KeyPress(.down, .shift))
        #expect(names["kDC5"] == KeyPress(.delete, .ctrl))
    }

    @Test func standardCodesWinOverExtended() {
        let map = KeyCodeMap.build(codes: sampleKeyCodes, extended: [sampleKeyCodes.shiftUp: KeyPress(.up, .ctrl)])
        #expect(map[sampleKeyCodes.shiftUp] == KeyPress(.up, .shift))
    }

    @Test func modifiedFunctionKeys() {
        #expect(KeyCodeMap.functionKey(1) == KeyPress(.function(1)))
        #expect(KeyCodeMap.functionKey(24) == KeyPress(.function(12), .shift))
        #expect(KeyCodeMap.functionKey(37) == KeyPress(.function(1), [.ctrl, .shift]))
        #expect(KeyCodeMap.functionKey(64) == nil)
    }
}

@Suite struct MouseDecoderTests {
    // ncurses' layout (mouse version 2): five bits per button.
    var decoder = MouseDecoder(masks: MouseMasks(
        pressed: [0o2, 0o100, 0o4000], released: [0o1, 0o40, 0o2000], clicked: [0o4, 0o200, 0o10000],
        wheelUp: 0o200000, wheelDown: 0o20000000, position: 0o10000000000))

    @Test mutating func pressDragReleaseWheel() {
        #expect(decoder.decode(state: 0o2, x: 3, y: 4) == MouseEvent(kind: .press, x: 3, y: 4))
        #expect(decoder.decode(state: 0o10000000000, x: 5, y: 4) == MouseEvent(kind: .drag, x: 5, y: 4))
        #expect(decoder.decode(state: 0o40, x: 5, y: 4) == MouseEvent(kind: .release, x: 5, y: 4))
        #expect(decoder.decode(state: 0o200000, x: 0, y: 1) == MouseEvent(kind: .wheelUp, x: 0, y: 1))
        #expect(decoder.decode(state: 0o20000000, x: 0, y: 1) == MouseEvent(kind: .wheelDown, x: 0, y: 1))
        #expect(decoder.decode(state: 0, x: 9, y: 9) == nil)
    }

    @Test mutating func motionWithoutAButtonIsNotADrag() {
        #expect(decoder.decode(state: 0o10000000000, x: 9, y: 9) == nil)
    }
}

@Suite struct ColorPairTableTests {
    @Test func defaultColoursArePairZero() {
        var table = ColorPairTable(capacity: 8)
        #expect(table.lookup(foreground: -1, background: -1) == .ready(0))
        #expect(table.count == 0)
    }

    @Test func pairsAreAllocatedOnceAndReused() {
        var table = ColorPairTable(capacity: 8)
        #expect(table.lookup(foreground: 196, background: -1) == .allocate(1))
        #expect(table.lookup(foreground: 21, background: 16) == .allocate(2))
        #expect(table.lookup(foreground: 196, background: -1) == .ready(1))
        #expect(table.count == 2)
    }

    @Test func exhaustionIsReportedAndResetStartsOver() {
        var table = ColorPairTable(capacity: 3)
        #expect(table.lookup(foreground: 1, background: -1) == .allocate(1))
        #expect(table.lookup(foreground: 2, background: -1) == .allocate(2))
        #expect(table.lookup(foreground: 3, background: -1) == .exhausted)
        table.reset()
        #expect(table.lookup(foreground: 3, background: -1) == .allocate(1))
    }

    @Test func paletteFoldsIndexesTheTerminalLacks() {
        let eight = PaletteMapping(colors: 8, hasDefaultColors: true)
        #expect(eight.number(for: .default, foreground: true) == -1)
        #expect(eight.number(for: .indexed(3), foreground: true) == 3)
        #expect(eight.number(for: .indexed(9), foreground: true) == 1)    // bright red → red
        #expect(eight.number(for: .indexed(196), foreground: true) == 1)  // xterm red → red
        #expect(eight.number(for: .indexed(21), foreground: true) == 4)   // xterm blue → blue
        let noDefaults = PaletteMapping(colors: 256, hasDefaultColors: false)
        #expect(noDefaults.number(for: .default, foreground: true) == 7)
        #expect(noDefaults.number(for: .default, foreground: false) == 0)
        #expect(noDefaults.number(for: .indexed(200), foreground: false) == 200)
    }
}

@Suite struct ClipboardSequenceTests {
    @Test func osc52EncodesBase64() {
        let bytes = ClipboardSequence.osc52("héllo 日本")
        let expected = "\u{1B}]52;c;" + Data("héllo 日本".utf8).base64EncodedString() + "\u{07}"
        #expect(bytes == Array(expected.utf8))
        #expect(String(decoding: ClipboardSequence.osc52("hi"), as: UTF8.self) == "\u{1B}]52;c;aGk=\u{07}")
    }

    @Test func tmuxPassthroughDoublesEscapes() {
        let wrapped = String(decoding: ClipboardSequence.tmuxPassthrough(ClipboardSequence.osc52("hi")), as: UTF8.self)
        #expect(wrapped == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
    }

    @Test func insideTmuxSendsBothForms() {
        let plain = ClipboardSequence.osc52("x")
        #expect(ClipboardSequence.bytes(for: "x", insideTmux: false) == plain)
        #expect(ClipboardSequence.bytes(for: "x", insideTmux: true) == plain + ClipboardSequence.tmuxPassthrough(plain))
    }
}

@Suite struct ResetSequenceTests {
    @Test func buildsInOrderWithoutPadding() {
        let bytes = ResetSequence.build(
            exitAlternateScreen: "\u{1B}[?1049l", showCursor: "\u{1B}[?25h", keypadLocal: nil, resetAttributes: "\u{1B}[m$<2>")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == "\u{1B}[?1049l\u{1B}[?25h\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?2004l\u{1B}[m")
    }

    @Test func paddingStripKeepsOtherDollarSigns() {
        #expect(ResetSequence.stripPadding("a$<5*/>b$<x>c$") == "ab$<x>c$")
    }
}

@Suite struct CellGlyphTests {
    /// A stand-in for glibc's wcwidth covering the scalars used here.
    static func width(_ v: UInt32) -> Int32 {
        switch v {
        case 0..<0x20, 0x7F..<0xA0: return -1
        case 0x300...0x36F, 0x200D, 0xFE0F: return 0
        case 0x3000...0x9FFF, 0x1F300...0x1F64F: return 2
        case 0x1F468, 0x1F469, 0x1F467: return 2
        default: return 1
        }
    }

    func glyph(_ g: String, _ w: Int) -> CellGlyph { CellGlyph(grapheme: g, width: w, maxScalars: 5, wcwidth: Self.width) }

    @Test func plainWideAndCombining() {
        #expect(glyph("a", 1) == CellGlyph(scalars: [0x61], padAfter: false))
        #expect(glyph("日", 2) == CellGlyph(scalars: [0x65E5], padAfter: false))
        #expect(glyph("e\u{301}", 1) == CellGlyph(scalars: [0x65, 0x301], padAfter: false))
    }

    @Test func controlCharactersNeverReachCurses() {
        #expect(glyph("\u{1B}", 1).scalars == [0x3F])
        #expect(glyph("\u{9B}", 1).scalars == [0x3F])
        #expect(glyph("a\u{7}", 1).scalars == [0x61])
    }

    @Test func zwjSequenceKeepsFirstPart() {
        #expect(glyph("👨\u{200D}👩\u{200D}👧", 2) == CellGlyph(scalars: [0x1F468], padAfter: false))
        #expect(glyph("❤\u{FE0F}", 1).scalars == [0x2764])
    }

    @Test func widthMismatchesAreRepaired() {
        // The buffer reserved two columns but the C library says one: pad.
        #expect(glyph("x", 2) == CellGlyph(scalars: [0x78], padAfter: true))
        // The buffer reserved one column but the C library says two: never overflow.
        #expect(glyph("日", 1) == CellGlyph(scalars: [0x3F], padAfter: false))
        // A lone combining mark sits on a space.
        #expect(glyph("\u{301}", 1).scalars == [0x20, 0x301])
        #expect(glyph("", 1).scalars == [0x20])
    }
}
