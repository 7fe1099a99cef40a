/// Why the full-screen terminal could not start.
public enum CursesTerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No terminal to draw on (`/dev/tty` cannot be opened, or a descriptor is not a TTY).
    case noTerminal(String)
    /// `TERM` is not set and no terminal name was given.
    case terminalNameMissing
    /// ncurses does not know the terminal (no terminfo entry, or one unfit for full-screen use).
    case unknownTerminal(String)
    /// A setup step failed.
    case setupFailed(String)

    public var description: String {
        let hint = "To run a prompt without the full-screen UI, use `refract run`."
        switch self {
        case .noTerminal(let detail):
            return "refract needs an interactive terminal: \(detail). \(hint)"
        case .terminalNameMissing:
            return "refract needs TERM to be set to open the terminal (for example TERM=xterm-256color). \(hint)"
        case .unknownTerminal(let name):
            return "ncurses cannot use the terminal type TERM=\(name) (no usable terminfo entry). "
                + "Try TERM=xterm-256color. \(hint)"
        case .setupFailed(let step):
            return "The terminal could not be set up (\(step)). \(hint)"
        }
    }
}
