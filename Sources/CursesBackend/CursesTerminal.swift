import CNcursesw
import CTermSupport
import TerminalUI

/// Placeholder for the ncursesw backend.
public enum CursesPlaceholder {
    public static func version() -> String { String(cString: curses_version()) }
}
