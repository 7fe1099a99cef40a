// Manual check of CursesBackend: draws a frame and logs every input event.
//
//   cd scripts/curses-demo && swift build
//   tmux -L dev -f /dev/null new-session -d -x 100 -y 30 'env TERM=tmux-256color LANG=C.UTF-8 bash --norc'
//   tmux -L dev send-keys '.build/debug/curses-demo' Enter
//   tmux -L dev send-keys -l '日本'; tmux -L dev send-keys Up C-Left BTab F5
//   tmux -L dev set-buffer $'a\nb'; tmux -L dev paste-buffer -p; tmux -L dev resize-window -x 80 -y 20
//   tmux -L dev capture-pane -p
//
// Keys: q or Ctrl-C quits, c copies to the clipboard (OSC 52), e suspends and runs a shell
// command, ! crashes on purpose (the terminal must come back sane).
import CursesBackend
import Glibc
import TerminalUI

let terminal: CursesTerminal
do {
    terminal = try CursesTerminal()
} catch {
    let message = Array("\(error)\n".utf8)
    _ = write(2, message, message.count)
    exit(2)
}

var log: [String] = []
var previous: CellBuffer?
var frames = 0

@MainActor func render() -> CellBuffer {
    var b = CellBuffer(width: terminal.width, height: terminal.height)
    let bar = Style(foreground: .indexed(15), background: .indexed(24))
    b.fill(Rect(x: 0, y: 0, width: b.width, height: 1), with: Cell(" ", style: bar))
    b.write(" curses demo \(terminal.width)×\(terminal.height) depth=\(terminal.colorDepth) frames=\(frames) ",
            x: 1, y: 0, style: Style(foreground: .indexed(15), background: .indexed(24), attributes: .bold))
    b.write("日本語 CJK · 😀 emoji · e\u{301} combining", x: 1, y: 2)
    b.write("bold", x: 1, y: 3, style: Style(attributes: .bold))
    b.write("underline", x: 6, y: 3, style: Style(attributes: .underline))
    b.write("reverse", x: 16, y: 3, style: Style(attributes: .reverse))
    b.write("red", x: 24, y: 3, style: Style(foreground: .indexed(196)))
    b.write("q/Ctrl-C quit · c copy · e suspend · ! crash · type, paste, click", x: 1, y: 4, style: Style(attributes: .dim))
    for (i, line) in log.suffix(max(0, b.height - 7)).enumerated() {
        b.write(line, x: 1, y: 6 + i, maxX: b.width - 1)
    }
    b.cursor = (x: 1, y: b.height - 1)
    return b
}

@MainActor func draw() {
    frames += 1
    let frame = render()
    terminal.present(frame, changes: frame.changes(since: terminal.needsFullRedraw ? nil : previous))
    previous = frame
}

func describe(_ event: InputEvent) -> String {
    switch event {
    case .key(let k): return "key \(k.key) modifiers=\(k.modifiers.rawValue)"
    case .mouse(let m): return "mouse \(m.kind) x=\(m.x) y=\(m.y)"
    case .paste(let s): return "paste(\(s.debugDescription))"
    default: return "\(event)"
    }
}

var running = true
draw()
while running {
    for event in terminal.waitForEvents(timeoutMilliseconds: nil) {
        log.append(describe(event))
        switch event {
        case .key(KeyPress(.char("q"), [])), .key(KeyPress(.char("c"), .ctrl)), .signal:
            running = false
        case .key(KeyPress(.char("c"), [])):
            terminal.copyToClipboard("copied from the curses demo 日本")
        case .key(KeyPress(.char("e"), [])):
            terminal.suspend()
            _ = system("stty -a | head -3; printf 'suspended; press Enter to return'; read x")
            terminal.resume()
        case .key(KeyPress(.char("!"), [])):
            let nowhere = UnsafeMutablePointer<Int>(bitPattern: 8)
            nowhere!.pointee = 1
        default:
            break
        }
    }
    if running { draw() }
}
terminal.shutdown()
print("demo ended after \(log.count) events")
