import TerminalUI

/// One item read from ncurses' input queue, before it is turned into `InputEvent`s.
///
/// `CursesTerminal` translates ncurses return values into these (it is the only place that knows
/// the curses constants); `InputDecoder` turns a drained batch of them into events.
enum RawInput: Sendable, Hashable {
    /// A Unicode scalar value as `wget_wch` returned it (OK).
    case scalar(UInt32)
    /// A function-key code as `wget_wch` returned it (KEY_CODE_YES), already known not to be
    /// a paste bracket or a mouse report.
    case keyCode(Int32)
    /// A mouse report, already decoded from `getmouse`.
    case mouse(MouseEvent)
    /// The start and end brackets of a bracketed paste (`\e[200~`, `\e[201~`).
    case pasteStart
    case pasteEnd
}
