import Foundation
import Testing
@testable import TerminalUI

/// Half-block previews, the kitty and sixel sequences, and which one a terminal gets.
@Suite struct TerminalImageTests {
    static func solid(_ w: Int, _ h: Int, top: [UInt8], bottom: [UInt8]) -> RGBAImage {
        var pixels: [UInt8] = []
        for y in 0..<h { for _ in 0..<w { pixels += (y < h / 2 ? top : bottom) + [255] } }
        return RGBAImage(width: w, height: h, pixels: pixels)
    }

    @Test func halfBlocksCarryTheTopPixelInFrontAndTheBottomBehind() {
        let image = Self.solid(4, 4, top: [255, 0, 0], bottom: [0, 0, 255])
        var buffer = CellBuffer(width: 10, height: 4)
        BlockImage(image: image, depth: .palette256).render(in: Rect(x: 1, y: 0, width: 4, height: 4), into: &buffer)
        // 4×4 pixels fit in 4 columns × 2 rows; the upper row is all red above red, the lower blue above blue.
        #expect(buffer[1, 0].grapheme == "▀")
        #expect(buffer[1, 0].style.foreground == .indexed(196) && buffer[1, 0].style.background == .indexed(196))
        #expect(buffer[4, 1].style.foreground == .indexed(21) && buffer[4, 1].style.background == .indexed(21))
        #expect(buffer[5, 0].grapheme == " " && buffer[1, 2].grapheme == " ")
        var plain = CellBuffer(width: 10, height: 4)
        BlockImage(image: image, depth: .none).render(in: plain.area, into: &plain)
        #expect(plain.lines.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    @Test func fittingKeepsTheAspectRatio() {
        #expect(BlockImage.fit(width: 200, height: 100, into: Rect(x: 0, y: 0, width: 40, height: 20)) == (40, 10))
        #expect(BlockImage.fit(width: 100, height: 400, into: Rect(x: 0, y: 0, width: 40, height: 10)) == (5, 10))
        #expect(BlockImage.fit(width: 3, height: 2, into: Rect(x: 0, y: 0, width: 40, height: 10)) == (3, 1))
    }

    @Test func paletteMatchesGreysAndTheCube() {
        #expect(PaletteColor.nearest(128, 128, 128, depth: .palette256) == .indexed(244))
        #expect(PaletteColor.nearest(0, 255, 0, depth: .palette256) == .indexed(46))
        #expect(PaletteColor.nearest(250, 10, 10, depth: .ansi16) == .indexed(9))
    }

    @Test func kittyChunksTheImageAndAsksForNoReply() {
        let png = [UInt8](repeating: 7, count: 5000)
        let text = String(decoding: GraphicsSequence.kitty(png: png, id: 42, columns: 10, rows: 5), as: UTF8.self)
        let chunks = text.components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }
        #expect(chunks.count == 2)
        #expect(chunks[0].hasPrefix("\u{1B}_Ga=T,f=100,t=d,i=42,c=10,r=5,C=1,q=2,m=1;"))
        #expect(chunks[1].hasPrefix("\u{1B}_Gm=0,q=2;"))
        let payload = chunks.map { String($0[$0.index(after: $0.firstIndex(of: ";")!)...]) }.joined()
        #expect(Data(base64Encoded: payload) == Data(png))
    }

    @Test func sixelDefinesEachColourAndEncodesBandsOfSixRows() {
        let image = Self.solid(4, 12, top: [255, 0, 0], bottom: [0, 0, 255])
        let text = String(decoding: GraphicsSequence.sixel(image, widthPixels: 8, heightPixels: 12), as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}Pq\"1;1;8;12"))
        #expect(text.hasSuffix("-\u{1B}\\"))
        // Red is cube index 180 (5·36), blue 5; the first band is all red: six bits set (63+63 = "~") eight times.
        #expect(text.contains("#180;2;100;0;0") && text.contains("#5;2;0;0;100"))
        #expect(text.contains("#180!8~"))
        #expect(text.contains("#5!8~"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\u{1B}" })
    }

    @Test func theTerminalDecidesHowImagesAreShown() {
        #expect(TerminalGraphics.detect(environment: ["TERM": "xterm-kitty"], depth: .palette256) == .kitty)
        #expect(TerminalGraphics.detect(environment: ["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"], depth: .palette256) == .kitty)
        #expect(TerminalGraphics.detect(environment: ["TERM": "foot"], depth: .palette256) == .sixel)
        #expect(TerminalGraphics.detect(environment: ["TERM": "xterm-kitty", "TMUX": "/tmp/x"], depth: .palette256) == .blocks)
        #expect(TerminalGraphics.detect(environment: ["TERM": "xterm-256color"], depth: .palette256) == .blocks)
        #expect(TerminalGraphics.detect(environment: ["TERM": "xterm-kitty"], depth: .none) == .none)
        #expect(TerminalGraphics.detect(environment: ["TERM": "xterm", "REFRACT_GRAPHICS": "sixel"], depth: .none) == .sixel)
    }
}
