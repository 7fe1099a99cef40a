import TerminalUI

/// The ncurses mouse-event bits the decoder needs (read from the headers by `CursesTerminal`).
struct MouseMasks: Sendable, Hashable {
    /// Press, release and click bits of buttons 1–3 (index 0 is button 1).
    var pressed: [UInt32]
    var released: [UInt32]
    var clicked: [UInt32]
    var wheelUp: UInt32
    var wheelDown: UInt32
    var position: UInt32
}

/// Turns an ncurses `MEVENT` (its bit mask and cell) into a `MouseEvent`.
///
/// With `mouseinterval(0)` ncurses reports presses and releases as they come (no click
/// synthesis); a report with only the position bit is motion, a drag while a button is held.
/// Motion with no button down (any-event tracking, which ncurses turns on for
/// REPORT_MOUSE_POSITION) is dropped: the app has no use for hovering.
struct MouseDecoder: Sendable {
    let masks: MouseMasks
    /// A button went down and has not come up yet.
    private(set) var buttonHeld = false

    init(masks: MouseMasks) {
        self.masks = masks
    }

    mutating func decode(state: UInt32, x: Int, y: Int) -> MouseEvent? {
        if state & masks.wheelUp != 0 { return MouseEvent(kind: .wheelUp, x: x, y: y) }
        if state & masks.wheelDown != 0 { return MouseEvent(kind: .wheelDown, x: x, y: y) }
        if masks.pressed.contains(where: { state & $0 != 0 }) {
            buttonHeld = true
            return MouseEvent(kind: .press, x: x, y: y)
        }
        if masks.released.contains(where: { state & $0 != 0 }) {
            buttonHeld = false
            return MouseEvent(kind: .release, x: x, y: y)
        }
        if masks.clicked.contains(where: { state & $0 != 0 }) {
            return MouseEvent(kind: .press, x: x, y: y)
        }
        if state & masks.position != 0, buttonHeld {
            return MouseEvent(kind: .drag, x: x, y: y)
        }
        return nil
    }
}
