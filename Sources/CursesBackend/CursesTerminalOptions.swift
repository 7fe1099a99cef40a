import Foundation
import TerminalUI

/// How `CursesTerminal` opens the terminal.
public struct CursesTerminalOptions: Sendable {
    /// terminfo name; nil uses `TERM` from `environment`.
    public var terminalName: String?
    /// Descriptors to read keys from and draw to; nil opens `/dev/tty` read-write, so stdout can be
    /// redirected. Descriptors passed in are not closed by `shutdown()`.
    public var inputFD: Int32?
    public var outputFD: Int32?
    /// Caps the colour depth (a `--no-color` flag); `NO_COLOR` in `environment` forces `.none`.
    public var colorDepth: ColorDepth?
    /// Turn on mouse reporting.
    public var mouse: Bool
    /// Where `TERM`, `NO_COLOR` and `TMUX` are read from; nil reads the process environment.
    public var environment: [String: String]?
    /// Install the SIGINT/TERM/HUP/WINCH/CONT and fatal-signal handlers (off only in tests that
    /// must not touch process-wide state).
    public var installsSignalHandlers: Bool
    /// Force this size instead of the terminal's (tests on `/dev/null`-like outputs).
    public var size: (width: Int, height: Int)?

    public init(
        terminalName: String? = nil,
        inputFD: Int32? = nil,
        outputFD: Int32? = nil,
        colorDepth: ColorDepth? = nil,
        mouse: Bool = true,
        environment: [String: String]? = nil,
        installsSignalHandlers: Bool = true,
        size: (width: Int, height: Int)? = nil
    ) {
        self.terminalName = terminalName
        self.inputFD = inputFD
        self.outputFD = outputFD
        self.colorDepth = colorDepth
        self.mouse = mouse
        self.environment = environment
        self.installsSignalHandlers = installsSignalHandlers
        self.size = size
    }

    /// `environment`, or the process environment when it is nil.
    var resolvedEnvironment: [String: String] { environment ?? ProcessInfo.processInfo.environment }
}
