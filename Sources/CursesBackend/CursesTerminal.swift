internal import CNcursesw
import CTermSupport
import Glibc
import TerminalUI

/// The real terminal: ncursesw on a TTY, drawing cell-buffer diffs and reading keys, mouse,
/// paste, resizes and signals. The only Swift file that imports curses.
///
/// Not thread-safe (ncurses is not): one thread owns it; other threads use `waker`.
public final class CursesTerminal: TerminalBackend {
    public private(set) var width: Int
    public private(set) var height: Int
    public let colorDepth: ColorDepth
    public var waker: any Waker { PipeWaker(pipe: wakePipe) }
    /// The next `present` repaints the whole frame whatever `changes` says (set after `resume`,
    /// a resize, SIGCONT or colour-pair exhaustion; cleared by `present`). The loop may read it
    /// to pass every row.
    public private(set) var needsFullRedraw = true

    private let screen: OpaquePointer
    private let pad: UnsafeMutablePointer<WINDOW>
    private let inputFD: Int32
    private let outputFD: Int32
    /// `/dev/tty` when we opened it ourselves (closed by `shutdown`).
    private let ownedFD: Int32?
    private let inputFile: UnsafeMutablePointer<FILE>
    private let outputFile: UnsafeMutablePointer<FILE>
    private let wakePipe: WakePipe
    private let signalsInstalled: Bool
    private let termiosSaved: Bool
    private let insideTmux: Bool
    private let pasteOn: String
    private let pasteStartCode: Int32
    private let pasteEndCode: Int32
    private var mouseDecoder: MouseDecoder?
    private let palette: PaletteMapping
    private var decoder: InputDecoder
    private var pairs: ColorPairTable
    private var pairsExhausted = false
    /// The graphics-protocol images on screen now (drawn after the cells).
    private var shownImages: [ImagePlacement] = []
    private var cursorVisible: Bool?
    /// Input read while priming keypad mode, handed out by the next `waitForEvents`.
    private var pendingRaw: [RawInput] = []
    /// Events produced outside `waitForEvents` (a size change noticed on `resume`).
    private var pendingEvents: [InputEvent] = []
    private var isSuspended = false
    private var isShutDown = false
    private var ttyGone = false

    /// Opens the terminal and takes it over (alternate screen, raw mode, keypad, mouse, paste).
    public init(options: CursesTerminalOptions = CursesTerminalOptions()) throws {
        let environment = options.resolvedEnvironment
        guard let term = options.terminalName ?? environment["TERM"], !term.isEmpty else {
            throw CursesTerminalError.terminalNameMissing
        }

        var owned: Int32?
        let inFD: Int32
        let outFD: Int32
        if let i = options.inputFD, let o = options.outputFD {
            inFD = i
            outFD = o
        } else {
            let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
            guard fd >= 0 else {
                throw CursesTerminalError.noTerminal("cannot open /dev/tty (\(String(cString: strerror(errno))))")
            }
            owned = fd
            inFD = options.inputFD ?? fd
            outFD = options.outputFD ?? fd
        }
        func closeOwned() { if let owned { close(owned) } }
        guard isatty(inFD) == 1, isatty(outFD) == 1 else {
            closeOwned()
            throw CursesTerminalError.noTerminal("input or output is not a TTY")
        }
        guard let pipe = WakePipe() else {
            closeOwned()
            throw CursesTerminalError.setupFailed("cannot create the wake-up pipe")
        }

        // Order matters (NCURSES.md §5): our handlers go in before newterm so ncurses does not
        // install its own exit-on-SIGINT ones, and the shell's termios is saved first.
        let saved = rf_save_termios(outFD) == 0
        if options.installsSignalHandlers { _ = rf_install_signal_handlers(pipe.writeFD, outFD) }
        _ = rf_ensure_utf8_locale()

        // ncurses closes nothing it is given; hand it duplicates so fclose never closes ours.
        guard let inFile = fdopen(dup(inFD), "r"), let outFile = fdopen(dup(outFD), "w") else {
            if options.installsSignalHandlers { rf_uninstall_signal_handlers() }
            closeOwned()
            throw CursesTerminalError.setupFailed("fdopen failed")
        }
        guard let screen = newterm(term, outFile, inFile) else {
            fclose(inFile)
            fclose(outFile)
            if saved { _ = rf_restore_termios() }
            if options.installsSignalHandlers { rf_uninstall_signal_handlers() }
            closeOwned()
            throw CursesTerminalError.unknownTerminal(term)
        }
        _ = set_term(screen)
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = set_escdelay(25)
        guard let pad = newpad(1, 1) else {
            endwin()
            delscreen(screen)
            fclose(inFile)
            fclose(outFile)
            if saved { _ = rf_restore_termios() }
            if options.installsSignalHandlers { rf_uninstall_signal_handlers() }
            closeOwned()
            throw CursesTerminalError.setupFailed("newpad failed")
        }
        // Input is read from a 1×1 pad: wget_wch on a real window would refresh it (NCURSES.md §3).
        _ = keypad(pad, true)
        _ = nodelay(pad, true)

        // Colours.
        var depth = ColorDepth.none
        var hasDefaultColors = false
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if !noColor, options.colorDepth != ColorDepth.none, has_colors() {
            _ = start_color()
            hasDefaultColors = use_default_colors() == OK
            let available = ncs_colors()
            depth = available >= 256 ? .palette256 : (available >= 8 ? .ansi16 : .none)
            if let cap = options.colorDepth { depth = min(depth, cap) }
        }
        let colors = depth == .none ? 0 : min(Int(ncs_colors()), depth.rawValue)

        // Keys: standard codes from the headers, modified keys from terminfo's extended names.
        var extended: [Int32: KeyPress] = [:]
        for (name, press) in KeyCodeMap.extendedNames {
            guard let value = Self.capability(name) else { continue }
            let code = key_defined(value)
            if code > 0 { extended[code] = press }
        }
        let keyMap = KeyCodeMap.build(codes: Self.keyCodes, extended: extended)

        // Bracketed paste: bind the brackets to two key codes nothing else uses (extended
        // terminfo keys already take codes from KEY_MAX up, so KEY_MAX+1 may be taken).
        let pasteStart = Self.capability("PS") ?? "\u{1B}[200~"
        let pasteEnd = Self.capability("PE") ?? "\u{1B}[201~"
        let startCode = Self.unusedKeyCode(after: ncs_key_max())
        _ = define_key(pasteStart, startCode)
        let endCode = Self.unusedKeyCode(after: startCode)
        _ = define_key(pasteEnd, endCode)

        // Mouse.
        var mouse: MouseDecoder?
        if options.mouse, mousemask(ncs_all_mouse_events(), nil) != 0 {
            _ = mouseinterval(0)
            mouse = MouseDecoder(masks: Self.mouseMasks)
        }

        let reset = ResetSequence.build(
            exitAlternateScreen: Self.capability("rmcup"), showCursor: Self.capability("cnorm"),
            keypadLocal: Self.capability("rmkx"), resetAttributes: Self.capability("sgr0"))
        reset.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { rf_set_reset_sequence($0.baseAddress, Int32($0.count)) }
        }

        self.screen = screen
        self.pad = pad
        self.inputFD = inFD
        self.outputFD = outFD
        self.ownedFD = owned
        self.inputFile = inFile
        self.outputFile = outFile
        self.wakePipe = pipe
        self.signalsInstalled = options.installsSignalHandlers
        self.termiosSaved = saved
        self.insideTmux = !(environment["TMUX"] ?? "").isEmpty
        self.pasteOn = Self.capability("BE") ?? ResetSequence.pasteOn
        self.pasteStartCode = startCode
        self.pasteEndCode = endCode
        self.mouseDecoder = mouse
        self.palette = PaletteMapping(colors: colors, hasDefaultColors: hasDefaultColors)
        self.colorDepth = depth
        self.decoder = InputDecoder(keyCodes: keyMap)
        self.pairs = ColorPairTable(capacity: depth == .none ? 1 : ncs_color_pairs())
        self.width = Int(ncs_cols())
        self.height = Int(ncs_lines())

        if let size = options.size {
            _ = resizeterm(Int32(size.height), Int32(size.width))
            width = Int(ncs_cols())
            height = Int(ncs_lines())
        } else {
            var discarded: [InputEvent] = []
            applyTerminalSize(into: &discarded)
        }
        setCursorVisible(false)
        // Enter the alternate screen and clear it now rather than at the first frame.
        _ = wnoutrefresh(ncs_stdscr())
        _ = doupdate()
        TTYWriter.write(pasteOn, to: outputFD)
        narrowMouseTracking()
        primeKeypad()
    }

    /// A terminal for tests: an explicit terminfo name, descriptors (a pty's slave) and size.
    convenience init(testTerm: String, inputFD: Int32, outputFD: Int32, width: Int, height: Int) throws {
        try self.init(options: CursesTerminalOptions(
            terminalName: testTerm, inputFD: inputFD, outputFD: outputFD,
            environment: ["TERM": testTerm], size: (width, height)))
    }

    deinit { shutdown() }

    // MARK: - Input

    public func waitForEvents(timeoutMilliseconds: Int?) -> [InputEvent] {
        guard !isShutDown, !isSuspended else { return [] }
        _ = set_term(screen)
        var fds = [
            pollfd(fd: ttyGone ? -1 : inputFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakePipe.readFD, events: Int16(POLLIN), revents: 0),
        ]
        let hasPending = !pendingRaw.isEmpty || !pendingEvents.isEmpty
        let timeout = hasPending ? 0 : Int32(clamping: timeoutMilliseconds ?? -1)
        _ = poll(&fds, 2, timeout)  // EINTR is a wake-up like any other: signals are checked below
        if fds[1].revents != 0 { wakePipe.drain() }

        var events = pendingEvents
        pendingEvents = []
        handleSignals(into: &events)
        if !ttyGone {
            let raw = pendingRaw + drainInput()
            pendingRaw = []
            events += decoder.decode(raw)
            let hangup = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
            if fds[0].revents & hangup != 0 {
                // The terminal went away; stop polling it or poll would spin.
                ttyGone = true
                events.append(.signal(.hangup))
            }
        }
        return events
    }

    /// Everything ncurses has for us now (nodelay: ERR when the queue is empty).
    private func drainInput() -> [RawInput] {
        var raw: [RawInput] = []
        var value: wint_t = 0
        while raw.count < 1_000_000 {
            let result = wget_wch(pad, &value)
            if result == ERR { break }
            if result != KEY_CODE_YES {
                raw.append(.scalar(UInt32(value)))
                continue
            }
            let code = Int32(bitPattern: UInt32(value))
            switch code {
            case pasteStartCode: raw.append(.pasteStart)
            case pasteEndCode: raw.append(.pasteEnd)
            case KEY_RESIZE: break  // resizes come from our SIGWINCH handler
            case KEY_MOUSE:
                var event = MEVENT()
                if getmouse(&event) == OK,
                   let mouse = mouseDecoder?.decode(state: UInt32(event.bstate), x: Int(event.x), y: Int(event.y)) {
                    raw.append(.mouse(mouse))
                }
            default: raw.append(.keyCode(code))
            }
        }
        return raw
    }

    /// ncurses only asks for normal tracking (1000: presses, releases, wheel). Button-event
    /// tracking (1002) adds motion while a button is down (drags) in the same encoding, which
    /// ncurses decodes as REPORT_MOUSE_POSITION; any-event tracking (1003, every hover) stays off.
    private func narrowMouseTracking() {
        guard mouseDecoder != nil else { return }
        TTYWriter.write("\u{1B}[?1003l\u{1B}[?1002h", to: outputFD)
    }

    /// The first `wget_wch` sends keypad-transmit (`smkx`); until then arrows arrive in the
    /// other cursor mode, which terminfo does not describe. Read once now to get it sent.
    private func primeKeypad() {
        pendingRaw += drainInput()
    }

    private func handleSignals(into events: inout [InputEvent]) {
        let bits = rf_take_signals()
        if bits & RF_SIG_WINCH != 0 { applyTerminalSize(into: &events) }
        if bits & RF_SIG_CONT != 0 {
            // Stopped and continued: whatever ran meanwhile may have drawn over us.
            applyTerminalSize(into: &events)
            _ = reset_prog_mode()
            _ = clearok(ncs_curscr(), true)
            needsFullRedraw = true
        }
        if bits & RF_SIG_INT != 0 { events.append(.signal(.interrupt)) }
        if bits & RF_SIG_TERM != 0 { events.append(.signal(.terminate)) }
        if bits & RF_SIG_HUP != 0 { events.append(.signal(.hangup)) }
    }

    /// Reads the real size (TIOCGWINSZ) and, when it changed, resizes ncurses and reports it.
    private func applyTerminalSize(into events: inout [InputEvent]) {
        var rows: Int32 = 0
        var cols: Int32 = 0
        guard rf_get_winsize(outputFD, &rows, &cols) == 0, rows > 0, cols > 0 else { return }
        guard Int(rows) != height || Int(cols) != width else { return }
        _ = resizeterm(rows, cols)
        width = Int(ncs_cols())
        height = Int(ncs_lines())
        needsFullRedraw = true
        events.append(.resize(width: width, height: height))
    }

    // MARK: - Output

    public func present(_ frame: CellBuffer, changes: [CellRun]) {
        guard !isShutDown, !isSuspended else { return }
        _ = set_term(screen)
        guard let window = ncs_stdscr() else { return }
        pairsExhausted = false
        if needsFullRedraw {
            drawWhole(frame, into: window)
        } else {
            for run in changes { draw(run, into: window) }
        }
        if pairsExhausted {
            // Cells on screen still name pairs about to be reused: start over and repaint all.
            pairs.reset()
            pairsExhausted = false
            drawWhole(frame, into: window)
            _ = clearok(ncs_curscr(), true)
        }
        if let cursor = frame.cursor, cursor.x >= 0, cursor.x < width, cursor.y >= 0, cursor.y < height {
            _ = leaveok(window, false)
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
            setCursorVisible(true)
        } else {
            _ = leaveok(window, true)
            setCursorVisible(false)
        }
        let redrawn = needsFullRedraw
        if frame.images != shownImages, !shownImages.isEmpty {
            // Old images are wiped by repainting their cells (sixel) or deleting them (kitty).
            _ = TTYWriter.write(GraphicsSequence.kittyDeleteAll, to: outputFD)
            _ = clearok(ncs_curscr(), true)
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
        needsFullRedraw = false
        if frame.images != shownImages || (redrawn && !frame.images.isEmpty) {
            for image in frame.images where image.area.y >= 0 && image.area.x >= 0 {
                // Save and restore the cursor around it, so curses's idea of where it is stays true.
                var bytes = Array("\u{1B}7\u{1B}[\(image.area.y + 1);\(image.area.x + 1)H".utf8)
                bytes += image.sequence
                bytes += Array("\u{1B}8".utf8)
                _ = TTYWriter.write(bytes, to: outputFD)
            }
            shownImages = frame.images
        }
    }

    private func drawWhole(_ frame: CellBuffer, into window: UnsafeMutablePointer<WINDOW>) {
        for y in 0..<frame.height {
            let start = y * frame.width
            draw(CellRun(x: 0, y: y, cells: Array(frame.cells[start..<(start + frame.width)])), into: window)
        }
    }

    private func draw(_ run: CellRun, into window: UnsafeMutablePointer<WINDOW>) {
        guard run.y >= 0, run.y < height else { return }
        var x = run.x
        for cell in run.cells {
            defer { x += 1 }
            guard x >= 0, x < width, !cell.isContinuation else { continue }
            let glyph = CellGlyph(
                grapheme: cell.grapheme, width: Int(cell.width), maxScalars: Int(CCHARW_MAX),
                wcwidth: { rf_wcwidth($0) })
            let (attributes, pair) = rendition(of: cell.style)
            put(glyph.scalars, attributes: attributes, pair: pair, x: x, y: run.y, window: window)
            if glyph.padAfter, x + 1 < width {
                put([0x20], attributes: attributes, pair: pair, x: x + 1, y: run.y, window: window)
            }
        }
    }

    private func put(_ scalars: [UInt32], attributes: attr_t, pair: Int32, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>) {
        var text = scalars.map { wchar_t(bitPattern: $0) }
        text.append(0)
        var character = cchar_t()
        _ = ncs_setcchar_ext(&character, text, attributes, pair)
        // ERR at the bottom-right cell (the cursor cannot advance) still draws the cell.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    /// Attributes and colour pair of a style; pair 0 when colour is off or pairs ran out.
    private func rendition(of style: Style) -> (attr_t, Int32) {
        var attributes = ncs_a_normal()
        if style.attributes.contains(.bold) { attributes |= ncs_a_bold() }
        if style.attributes.contains(.dim) { attributes |= ncs_a_dim() }
        if style.attributes.contains(.italic) { attributes |= ncs_a_italic() }
        if style.attributes.contains(.underline) { attributes |= ncs_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= ncs_a_reverse() }
        guard colorDepth != .none else { return (attributes, 0) }
        let foreground = palette.number(for: style.foreground, foreground: true)
        let background = palette.number(for: style.background, foreground: false)
        switch pairs.lookup(foreground: foreground, background: background) {
        case .ready(let pair):
            return (attributes, pair)
        case .allocate(let pair):
            _ = init_extended_pair(pair, foreground, background)
            return (attributes, pair)
        case .exhausted:
            pairsExhausted = true
            return (attributes, 0)
        }
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        _ = curs_set(visible ? 1 : 0)
    }

    // MARK: - Suspend, clipboard, shutdown

    public func suspend() {
        guard !isShutDown, !isSuspended else { return }
        _ = set_term(screen)
        TTYWriter.write(ResetSequence.pasteOff, to: outputFD)
        _ = endwin()  // shell mode, rmcup, cursor shown, mouse off
        if signalsInstalled { rf_uninstall_signal_handlers() }
        isSuspended = true
    }

    public func resume() {
        guard !isShutDown, isSuspended else { return }
        _ = set_term(screen)
        if signalsInstalled { _ = rf_install_signal_handlers(wakePipe.writeFD, outputFD) }
        isSuspended = false
        // A refresh after endwin re-enters program mode (raw, smcup, mouse); clearok repaints all.
        _ = clearok(ncs_curscr(), true)
        _ = wrefresh(ncs_stdscr())
        TTYWriter.write(pasteOn, to: outputFD)
        narrowMouseTracking()
        cursorVisible = nil
        primeKeypad()
        applyTerminalSize(into: &pendingEvents)
        needsFullRedraw = true
    }

    public func copyToClipboard(_ text: String) {
        guard !isShutDown else { return }
        TTYWriter.write(ClipboardSequence.bytes(for: text, insideTmux: insideTmux), to: outputFD)
    }

    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        _ = set_term(screen)
        if !isSuspended {
            TTYWriter.write(ResetSequence.mouseOff + ResetSequence.pasteOff, to: outputFD)
            _ = mousemask(0, nil)
            _ = endwin()
        }
        _ = delwin(pad)
        delscreen(screen)
        fclose(inputFile)
        fclose(outputFile)
        rf_set_reset_sequence(nil, 0)
        if termiosSaved { _ = rf_restore_termios() }
        if signalsInstalled && !isSuspended { rf_uninstall_signal_handlers() }
        if let ownedFD { close(ownedFD) }
    }

    // MARK: - terminfo and header constants

    /// The ncurses library version, e.g. "ncurses 6.4.20221231".
    public static var cursesVersion: String { String(cString: curses_version()) }

    /// A terminfo string capability, nil when absent or cancelled.
    private static func capability(_ name: String) -> String? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return String(cString: value)
    }

    /// The first key code above `code` that no key string is bound to.
    private static func unusedKeyCode(after code: Int32) -> Int32 {
        var candidate = code + 1
        while let bound = keybound(candidate, 0) {
            free(bound)
            candidate += 1
        }
        return candidate
    }

    private static var keyCodes: CursesKeyCodes {
        CursesKeyCodes(
            up: KEY_UP, down: KEY_DOWN, left: KEY_LEFT, right: KEY_RIGHT,
            home: KEY_HOME, end: KEY_END, pageUp: KEY_PPAGE, pageDown: KEY_NPAGE,
            insert: KEY_IC, delete: KEY_DC, backspace: KEY_BACKSPACE, enter: KEY_ENTER,
            backTab: KEY_BTAB,
            shiftLeft: KEY_SLEFT, shiftRight: KEY_SRIGHT, shiftUp: KEY_SR, shiftDown: KEY_SF,
            shiftHome: KEY_SHOME, shiftEnd: KEY_SEND, shiftDelete: KEY_SDC, shiftInsert: KEY_SIC,
            shiftPageDown: KEY_SNEXT, shiftPageUp: KEY_SPREVIOUS,
            f0: KEY_F0)
    }

    private static var mouseMasks: MouseMasks {
        MouseMasks(
            pressed: (1...3).map { UInt32(ncs_button_pressed($0)) },
            released: (1...3).map { UInt32(ncs_button_released($0)) },
            clicked: (1...3).map { UInt32(ncs_button_clicked($0)) },
            wheelUp: UInt32(ncs_button_pressed(4)), wheelDown: UInt32(ncs_button_pressed(5)),
            position: UInt32(ncs_report_mouse_position()))
    }

    // MARK: - Test accessors (read what ncurses believes is on the screen)

    /// The text ncurses has on screen at a cell (from `curscr`).
    func cellText(x: Int, y: Int) -> String {
        guard let (scalars, _, _) = readCell(x: x, y: y) else { return "" }
        var text = ""
        for value in scalars {
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
        return text
    }

    /// The attributes ncurses has on screen at a cell.
    func cellAttributes(x: Int, y: Int) -> Style.Attributes {
        cellStyle(x: x, y: y).attributes
    }

    /// The style ncurses has on screen at a cell (colours from the pair's definition).
    func cellStyle(x: Int, y: Int) -> Style {
        guard let (_, attributes, pair) = readCell(x: x, y: y) else { return .plain }
        var result = Style.Attributes()
        if attributes & ncs_a_bold() != 0 { result.insert(.bold) }
        if attributes & ncs_a_dim() != 0 { result.insert(.dim) }
        if attributes & ncs_a_italic() != 0 { result.insert(.italic) }
        if attributes & ncs_a_underline() != 0 { result.insert(.underline) }
        if attributes & ncs_a_reverse() != 0 { result.insert(.reverse) }
        var foreground: Int32 = -1
        var background: Int32 = -1
        if pair > 0 { _ = extended_pair_content(pair, &foreground, &background) }
        func color(_ n: Int32) -> Color { n < 0 ? .default : .indexed(UInt8(clamping: n)) }
        return Style(foreground: color(foreground), background: color(background), attributes: result)
    }

    /// Where ncurses believes the terminal's cursor is.
    var screenCursor: (x: Int, y: Int) {
        _ = set_term(screen)
        return (Int(getcurx(ncs_curscr())), Int(getcury(ncs_curscr())))
    }

    /// How many colour pairs are allocated.
    var allocatedPairCount: Int { pairs.count }

    /// A terminfo string capability of this terminal (tests send terminfo's own key strings).
    func terminfoString(_ name: String) -> String? {
        _ = set_term(screen)
        return Self.capability(name)
    }

    private func readCell(x: Int, y: Int) -> ([UInt32], attr_t, Int32)? {
        _ = set_term(screen)
        guard let window = ncs_curscr() else { return nil }
        // curscr's cursor is where ncurses believes the terminal cursor is: put it back after reading.
        let savedY = getcury(window)
        let savedX = getcurx(window)
        defer { _ = wmove(window, savedY, savedX) }
        var character = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &character) != ERR else { return nil }
        var text = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int32 = 0
        guard ncs_getcchar_ext(&character, &text, &attributes, &pair) != ERR else { return nil }
        let scalars = text.prefix { $0 != 0 }.map { UInt32(bitPattern: $0) }
        return (scalars, attributes, pair)
    }
}
