import CTermSupport
import Foundation
import Glibc
@testable import CursesBackend
import Testing
import TerminalUI

/// One suite for everything that creates an ncurses screen: ncurses state and signal
/// dispositions are process-global.
@Suite(.serialized) struct CursesTerminalTests {
    /// Opens a terminal on a fresh pty and drains its start-up output.
    func open(term: String = "xterm-256color", width: Int = 40, height: Int = 12) throws -> (PseudoTerminal, CursesTerminal) {
        let pty = try PseudoTerminal(width: width, height: height)
        let terminal = try CursesTerminal(testTerm: term, inputFD: pty.slave, outputFD: pty.slave, width: width, height: height)
        _ = pty.drainOutput()
        return (pty, terminal)
    }

    /// Sends bytes and collects events until some arrive (or two seconds pass), then whatever
    /// follows right behind them.
    func events(_ terminal: CursesTerminal, after bytes: String, on pty: PseudoTerminal) -> [InputEvent] {
        pty.send(bytes)
        return collect(terminal)
    }

    func collect(_ terminal: CursesTerminal) -> [InputEvent] {
        var events: [InputEvent] = []
        for _ in 0..<20 where events.isEmpty {
            events += terminal.waitForEvents(timeoutMilliseconds: 100)
        }
        events += terminal.waitForEvents(timeoutMilliseconds: 50)
        return events
    }

    func key(_ k: Key, _ m: Modifiers = []) -> InputEvent { .key(KeyPress(k, m)) }

    @Test func startupTakesOverTheTerminal() throws {
        let pty = try PseudoTerminal()
        let terminal = try CursesTerminal(testTerm: "xterm-256color", inputFD: pty.slave, outputFD: pty.slave, width: 40, height: 12)
        defer { terminal.shutdown() }
        let output = String(decoding: pty.drainOutput(), as: UTF8.self)
        #expect(output.contains("\u{1B}[?1049h"))        // alternate screen (smcup)
        #expect(output.contains("\u{1B}[?1h\u{1B}="))    // keypad transmit, sent before the first key
        #expect(output.contains("\u{1B}[?2004h"))        // bracketed paste
        #expect(output.contains("\u{1B}[?1006;1000h"))   // SGR mouse (terminfo XM)
        #expect(output.contains("\u{1B}[?1002h"))        // drags only, not every hover
        #expect(terminal.colorDepth == .palette256)
        #expect(terminal.width == 40 && terminal.height == 12)
    }

    // MARK: - Keys

    @Test func lettersCJKAndControlKeys() throws {
        let (pty, terminal) = try open()
        defer { terminal.shutdown() }
        #expect(events(terminal, after: "a日本", on: pty) == [key(.char("a")), key(.char("日")), key(.char("本"))])
        #expect(events(terminal, after: "\u{12}", on: pty) == [key(.char("r"), .ctrl)])
        #expect(events(terminal, after: "\r", on: pty) == [key(.enter)])
        #expect(events(terminal, after: "\u{7F}", on: pty) == [key(.backspace)])
        #expect(events(terminal, after: "e\u{301}", on: pty) == [key(.char("e\u{301}"))])
    }

    @Test func escapeAloneAndAltPrefix() throws {
        let (pty, terminal) = try open()
        defer { terminal.shutdown() }
        #expect(events(terminal, after: "\u{1B}", on: pty) == [key(.escape)])
        #expect(events(terminal, after: "\u{1B}x", on: pty) == [key(.char("x"), .alt)])
    }

    @Test func terminfoKeysDecode() throws {
        let (pty, terminal) = try open()
        defer { terminal.shutdown() }
        let expected: [(String, InputEvent)] = [
            ("kcuu1", key(.up)), ("kcud1", key(.down)), ("kLFT5", key(.left, .ctrl)), ("kRIT5", key(.right, .ctrl)),
            ("kRIT6", key(.right, [.shift, .ctrl])), ("kLFT", key(.left, .shift)), ("kri", key(.up, .shift)),
            ("kcbt", key(.tab, .shift)), ("kf1", key(.function(1))), ("kf5", key(.function(5))),
            ("kdch1", key(.delete)), ("knp", key(.pageDown)), ("kpp", key(.pageUp)), ("khome", key(.home)),
            ("kend", key(.end)), ("kUP3", key(.up, .alt)), ("kDC3", key(.delete, .alt)), ("kDC5", key(.delete, .ctrl)),
        ]
        for (name, event) in expected {
            let sequence = try #require(terminal.terminfoString(name), "xterm-256color lacks \(name)")
            #expect(events(terminal, after: sequence, on: pty) == [event], "\(name)")
        }
    }

    @Test func bracketedPasteWithNewlinesAndCJK() throws {
        let (pty, terminal) = try open()
        defer { terminal.shutdown() }
        #expect(events(terminal, after: "\u{1B}[200~line one\r日本語\rlast\u{1B}[201~", on: pty) == [.paste("line one\n日本語\nlast")])
    }

    @Test func bracketedPasteSplitAcrossTwoWrites() throws {
        let (pty, terminal) = try open()
        defer { terminal.shutdown() }
        pty.send("\u{1B}[200~first half\r日")
        var seen: [InputEvent] = []
        for _ in 0..<3 { seen += terminal.waitForEvents(timeoutMilliseconds: 100) }
        #expect(seen.isEmpty)
        #expect(events(terminal, after: "本 second\u{1B}[201~x", on: pty) == [.paste("first half\n日本 second"), key(.char("x"))])
    }

    @Test func mouseClickDragReleaseAndWheel() throws {
        let (pty, terminal) = try open()
        defer { terminal.shutdown() }
        // SGR (1006) reports are 1-based: column 11, row 6 is cell (10, 5).
        #expect(events(terminal, after: "\u{1B}[<0;11;6M", on: pty) == [.mouse(MouseEvent(kind: .press, x: 10, y: 5))])
        // Motion with button 1 held (32 + 0).
        #expect(events(terminal, after: "\u{1B}[<32;14;6M", on: pty) == [.mouse(MouseEvent(kind: .drag, x: 13, y: 5))])
        #expect(events(terminal, after: "\u{1B}[<0;14;6m", on: pty) == [.mouse(MouseEvent(kind: .release, x: 13, y: 5))])
        #expect(events(terminal, after: "\u{1B}[<64;3;4M", on: pty) == [.mouse(MouseEvent(kind: .wheelUp, x: 2, y: 3))])
        #expect(events(terminal, after: "\u{1B}[<65;3;4M", on: pty) == [.mouse(MouseEvent(kind: .wheelDown, x: 2, y: 3))])
    }

    // MARK: - Signals and resize

    @Test func resizeFromSIGWINCH() throws {
        let (pty, terminal) = try open(width: 40, height: 12)
        defer { terminal.shutdown() }
        pty.resize(width: 100, height: 30)
        raise(SIGWINCH)
        #expect(collect(terminal) == [.resize(width: 100, height: 30)])
        #expect(terminal.width == 100 && terminal.height == 30)
    }

    @Test func interruptBecomesAnEvent() throws {
        let (pty, terminal) = try open()
        defer { withExtendedLifetime(pty) { terminal.shutdown() } }
        // Only raise when our handler is really installed: the default would end the test process.
        var current = sigaction()
        sigaction(SIGINT, nil, &current)
        let handler = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
        try #require(handler != 0 && handler != 1)  // neither SIG_DFL nor SIG_IGN
        raise(SIGINT)
        #expect(collect(terminal) == [.signal(.interrupt)])
    }

    @Test func closedTerminalIsAHangupReportedOnce() throws {
        var pty: PseudoTerminal? = try PseudoTerminal()
        let slave = dup(try #require(pty).slave)
        defer { close(slave) }
        let terminal = try CursesTerminal(testTerm: "xterm-256color", inputFD: slave, outputFD: slave, width: 40, height: 12)
        defer { terminal.shutdown() }
        pty = nil  // the emulator goes away: both ends of its side close
        #expect(collect(terminal) == [.signal(.hangup)])
        #expect(terminal.waitForEvents(timeoutMilliseconds: 50) == [])
    }

    @Test func wakerWakesTheLoop() throws {
        let (pty, terminal) = try open()
        defer { withExtendedLifetime(pty) { terminal.shutdown() } }
        let waker = terminal.waker
        let thread = Thread { waker.wake() }
        thread.start()
        // Returns (with no events) once the byte arrives instead of waiting forever.
        #expect(terminal.waitForEvents(timeoutMilliseconds: nil) == [])
    }

    // MARK: - Drawing

    func sampleFrame(width: Int = 40, height: Int = 12) -> CellBuffer {
        var frame = CellBuffer(width: width, height: height)
        frame.write("Hello", x: 0, y: 0, style: Style(attributes: .bold))
        frame.write("日本語", x: 0, y: 1, style: Style(foreground: .indexed(196)))
        frame.write("😀!", x: 0, y: 2)
        frame.write("e\u{301}x", x: 0, y: 3, style: Style(foreground: .indexed(21), background: .indexed(226), attributes: [.underline, .reverse]))
        frame.write("ctl\u{7}?", x: 0, y: 4)
        return frame
    }

    @Test func drawsWideCombiningAndStyledCells() throws {
        let (_, terminal) = try open()
        defer { terminal.shutdown() }
        let frame = sampleFrame()
        terminal.present(frame, changes: frame.changes(since: nil))
        #expect((0..<5).map { terminal.cellText(x: $0, y: 0) }.joined() == "Hello")
        #expect(terminal.cellAttributes(x: 0, y: 0) == .bold)
        #expect(terminal.cellText(x: 0, y: 1) == "日")
        #expect(terminal.cellText(x: 2, y: 1) == "本")
        #expect(terminal.cellText(x: 4, y: 1) == "語")
        #expect(terminal.cellStyle(x: 2, y: 1) == Style(foreground: .indexed(196)))
        #expect(terminal.cellText(x: 0, y: 2) == "😀")
        #expect(terminal.cellText(x: 2, y: 2) == "!")
        #expect(terminal.cellText(x: 0, y: 3) == "e\u{301}")
        #expect(terminal.cellText(x: 1, y: 3) == "x")
        #expect(terminal.cellStyle(x: 1, y: 3) == Style(foreground: .indexed(21), background: .indexed(226), attributes: [.underline, .reverse]))
        #expect(terminal.cellAttributes(x: 6, y: 0) == [])
        #expect(terminal.allocatedPairCount == 2)
    }

    @Test func controlCharactersInCellsAreNeverSent() throws {
        let (pty, terminal) = try open()
        defer { terminal.shutdown() }
        var frame = CellBuffer(width: 40, height: 12)
        // Cells should arrive sanitised; this one did not.
        frame.set(x: 3, y: 3, Cell("\u{1B}[2J"))
        terminal.present(frame, changes: frame.changes(since: nil))
        let output = pty.drainOutput()
        #expect(terminal.cellText(x: 3, y: 3) == "?")
        #expect(!String(decoding: output, as: UTF8.self).contains("\u{1B}[2J"))
    }

    @Test func secondFrameSendsOnlyTheDiff() throws {
        let (pty, terminal) = try open()
        defer { terminal.shutdown() }
        var first = sampleFrame()
        // Fill the lower rows so a full repaint is clearly bigger than a diff.
        for y in 5..<12 { first.write(String(repeating: "row\(y) text ", count: 4), x: 0, y: y) }
        terminal.present(first, changes: first.changes(since: nil))
        let firstBytes = pty.drainOutput().count

        var second = first
        second.write("World", x: 0, y: 0, style: Style(attributes: .bold))
        second.write("中", x: 10, y: 6)
        let changes = second.changes(since: first)
        #expect(changes.count == 3)  // "Hello"→"World" keeps the "l" at x=3
        terminal.present(second, changes: changes)
        let secondBytes = pty.drainOutput().count

        #expect((0..<5).map { terminal.cellText(x: $0, y: 0) }.joined() == "World")
        #expect(terminal.cellText(x: 10, y: 6) == "中")
        #expect(terminal.cellText(x: 0, y: 1) == "日")  // untouched rows stay
        #expect(secondBytes > 0)
        #expect(secondBytes < 60, "second frame wrote \(secondBytes) bytes")
        #expect(secondBytes * 10 < firstBytes, "first \(firstBytes), second \(secondBytes)")
    }

    @Test func colourPairsRunningOutRepaintsWithFreshPairs() throws {
        // Plain xterm has 8 colours and 64 pairs (63 usable).
        let (pty, terminal) = try open(term: "xterm")
        defer { terminal.shutdown() }
        #expect(terminal.colorDepth == .ansi16)
        func frame(backgroundOffset: Int) -> CellBuffer {
            var b = CellBuffer(width: 40, height: 12)
            for i in 0..<40 {
                let style = Style(foreground: .indexed(UInt8(i % 8)), background: .indexed(UInt8((i / 8 + backgroundOffset) % 8)))
                b.set(x: i, y: i % 12, Cell("x", style: style))
            }
            return b
        }
        let first = frame(backgroundOffset: 0)
        terminal.present(first, changes: first.changes(since: nil))
        #expect(terminal.allocatedPairCount == 40)
        let second = frame(backgroundOffset: 5)   // 40 new pairs: only 23 left, so the table starts over
        terminal.present(second, changes: second.changes(since: first))
        _ = pty.drainOutput()
        #expect(terminal.allocatedPairCount == 40)
        for i in [0, 17, 39] {
            #expect(terminal.cellStyle(x: i, y: i % 12) == second[i, i % 12].style, "cell \(i)")
        }
    }

    @Test func cursorIsPlacedOrHidden() throws {
        let (pty, terminal) = try open()
        defer { terminal.shutdown() }
        var frame = CellBuffer(width: 40, height: 12)
        frame.cursor = (x: 5, y: 2)
        terminal.present(frame, changes: frame.changes(since: nil))
        let shown = String(decoding: pty.drainOutput(), as: UTF8.self)
        #expect(shown.contains("\u{1B}[?25h"))   // cnorm
        #expect(terminal.screenCursor.x == 5 && terminal.screenCursor.y == 2)
        var hidden = frame
        hidden.cursor = nil
        terminal.present(hidden, changes: hidden.changes(since: frame))
        #expect(String(decoding: pty.drainOutput(), as: UTF8.self).contains("\u{1B}[?25l"))
    }

    @Test func suspendAndResumeRepaint() throws {
        let (pty, terminal) = try open()
        defer { terminal.shutdown() }
        let frame = sampleFrame()
        terminal.present(frame, changes: frame.changes(since: nil))
        _ = pty.drainOutput()
        #expect(!terminal.needsFullRedraw)

        terminal.suspend()
        let leaving = String(decoding: pty.drainOutput(), as: UTF8.self)
        #expect(leaving.contains("\u{1B}[?1049l"))   // left the alternate screen
        #expect(leaving.contains("\u{1B}[?2004l"))   // paste mode off for $EDITOR
        var modes = termios()
        tcgetattr(pty.slave, &modes)
        #expect(modes.c_lflag & tcflag_t(ICANON) != 0)  // cooked again

        terminal.resume()
        #expect(terminal.needsFullRedraw)
        terminal.present(frame, changes: [])
        let back = String(decoding: pty.drainOutput(), as: UTF8.self)
        #expect(back.contains("\u{1B}[?1049h"))
        #expect(back.contains("Hello"))   // repainted although no changes were passed
        #expect(!terminal.needsFullRedraw)
    }

    @Test func imagesAreDrawnAfterTheCellsOnceAndWipedWhenTheyGo() throws {
        let (pty, terminal) = try open()
        defer { terminal.shutdown() }
        var frame = sampleFrame()
        frame.cursor = (x: 3, y: 4)
        frame.images = [ImagePlacement(area: Rect(x: 5, y: 2, width: 4, height: 2), id: 7, sequence: Array("\u{1B}_GIMAGE\u{1B}\\".utf8))]
        terminal.present(frame, changes: frame.changes(since: nil))
        let first = String(decoding: pty.drainOutput(), as: UTF8.self)
        // Cursor saved, moved to row 3 column 6 (1-based), the image, cursor restored; after the cells.
        let drawn = try #require(first.range(of: "\u{1B}7\u{1B}[3;6H\u{1B}_GIMAGE\u{1B}\\\u{1B}8"))
        #expect(first.range(of: "Hello")!.lowerBound < drawn.lowerBound)
        #expect(terminal.screenCursor.x == 3 && terminal.screenCursor.y == 4)
        // The same frame again sends no image.
        var same = frame
        same.write("!", x: 0, y: 11)
        terminal.present(same, changes: same.changes(since: frame))
        #expect(!String(decoding: pty.drainOutput(), as: UTF8.self).contains("IMAGE"))
        // Without it, kitty is told to delete and the screen is repainted (sixel pixels are only cells).
        var gone = same
        gone.images = []
        terminal.present(gone, changes: gone.changes(since: same))
        let wiped = String(decoding: pty.drainOutput(), as: UTF8.self)
        #expect(wiped.contains("\u{1B}_Ga=d,d=A,q=2\u{1B}\\"))
        #expect(wiped.contains("Hello"))
        #expect(!wiped.contains("IMAGE"))
    }

    @Test func clipboardWritesOSC52ToTheTTY() throws {
        let (pty, terminal) = try open()
        defer { terminal.shutdown() }
        terminal.copyToClipboard("hi")
        #expect(String(decoding: pty.drainOutput(), as: UTF8.self) == "\u{1B}]52;c;aGk=\u{07}")
    }

    // MARK: - Lifecycle

    @Test func shutdownRestoresTermiosAndIsIdempotent() throws {
        let pty = try PseudoTerminal()
        var before = termios()
        tcgetattr(pty.slave, &before)
        let terminal = try CursesTerminal(testTerm: "xterm-256color", inputFD: pty.slave, outputFD: pty.slave, width: 40, height: 12)
        var during = termios()
        tcgetattr(pty.slave, &during)
        #expect(during.c_lflag & tcflag_t(ICANON) == 0)   // raw while running
        #expect(during.c_lflag & tcflag_t(ECHO) == 0)
        terminal.shutdown()
        terminal.shutdown()
        var after = termios()
        tcgetattr(pty.slave, &after)
        #expect(withUnsafeBytes(of: &before) { Array($0) } == withUnsafeBytes(of: &after) { Array($0) })
        let tail = String(decoding: pty.drainOutput(), as: UTF8.self)
        #expect(tail.contains("\u{1B}[?1049l"))
        #expect(tail.contains("\u{1B}[?2004l"))
        #expect(terminal.waitForEvents(timeoutMilliseconds: 0) == [])
    }

    @Test func unknownTerminalIsRefusedWithItsName() throws {
        let pty = try PseudoTerminal()
        let error = #expect(throws: CursesTerminalError.self) {
            _ = try CursesTerminal(testTerm: "no-such-terminal-xyz", inputFD: pty.slave, outputFD: pty.slave, width: 40, height: 12)
        }
        #expect(error == .unknownTerminal("no-such-terminal-xyz"))
        #expect(error?.description.contains("TERM=no-such-terminal-xyz") == true)
        #expect(error?.description.contains("refract run") == true)
    }

    @Test func missingTERMAndNonTTYAreRefused() throws {
        let pty = try PseudoTerminal()
        #expect(throws: CursesTerminalError.terminalNameMissing) {
            _ = try CursesTerminal(options: CursesTerminalOptions(inputFD: pty.slave, outputFD: pty.slave, environment: [:]))
        }
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let error = #expect(throws: CursesTerminalError.self) {
            _ = try CursesTerminal(options: CursesTerminalOptions(terminalName: "xterm-256color", inputFD: fds[0], outputFD: fds[1]))
        }
        #expect(error?.description.contains("refract run") == true)
    }

    @Test func noColorMeansNoColourPairs() throws {
        let pty = try PseudoTerminal()
        let terminal = try CursesTerminal(options: CursesTerminalOptions(
            terminalName: "xterm-256color", inputFD: pty.slave, outputFD: pty.slave,
            environment: ["NO_COLOR": "1"], size: (40, 12)))
        defer { terminal.shutdown() }
        #expect(terminal.colorDepth == .none)
        let frame = sampleFrame()
        terminal.present(frame, changes: frame.changes(since: nil))
        #expect(terminal.allocatedPairCount == 0)
        #expect(terminal.cellStyle(x: 0, y: 1) == .plain)
        #expect(terminal.cellAttributes(x: 1, y: 3) == [.underline, .reverse])
    }
}
