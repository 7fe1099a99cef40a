/// The numeric ncurses key codes the decoder needs, read from the curses headers by
/// `CursesTerminal` so that the pure decoding code never imports curses.
struct CursesKeyCodes: Sendable, Hashable {
    var up: Int32, down: Int32, left: Int32, right: Int32
    var home: Int32, end: Int32, pageUp: Int32, pageDown: Int32
    var insert: Int32, delete: Int32, backspace: Int32, enter: Int32
    /// Shift-Tab (`kcbt`).
    var backTab: Int32
    /// Shifted keys with standard terminfo names (kLFT, kRIT, kri, kind, kHOM, kEND, kDC, kIC, kNXT, kPRV).
    var shiftLeft: Int32, shiftRight: Int32, shiftUp: Int32, shiftDown: Int32
    var shiftHome: Int32, shiftEnd: Int32, shiftDelete: Int32, shiftInsert: Int32
    var shiftPageDown: Int32, shiftPageUp: Int32
    /// `KEY_F0`: F*n* is `f0 + n`.
    var f0: Int32
}
