/// Wakes a loop blocked in `TerminalBackend.waitForEvents` from any thread.
public protocol Waker: Sendable {
    func wake()
}

/// The screen and keyboard, as the app loop sees them. `CursesBackend` implements it for a real
/// terminal; `MemoryTerminal` implements it in memory for tests.
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var width: Int { get }
    var height: Int { get }
    var colorDepth: ColorDepth { get }
    /// Wakes `waitForEvents` from another thread (stream parts arriving, timers).
    var waker: any Waker { get }
    /// Blocks until input, a wake-up, a signal, or the timeout (nil: no timeout); returns what arrived.
    func waitForEvents(timeoutMilliseconds: Int?) -> [InputEvent]
    /// Puts `frame` on the screen. `changes` lists the runs that differ from the frame drawn last
    /// (all rows after a resize); the backend draws only those and places the cursor.
    func present(_ frame: CellBuffer, changes: [CellRun])
    /// Gives the terminal back (to run `$EDITOR`), then takes it again.
    func suspend()
    func resume()
    /// Copies text to the system clipboard with OSC 52 (works in tmux and over ssh).
    func copyToClipboard(_ text: String)
    /// Restores the terminal for good.
    func shutdown()
}
