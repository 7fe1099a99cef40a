import Foundation

/// An in-memory terminal for loop tests: it keeps its own copy of the screen built only from the
/// `changes` runs it is given (so a test can prove the diff was enough to reproduce the frame),
/// hands out scripted input, and counts frames and cells written.
///
/// Thread-safe: events may be queued and `waker.wake()` called from any thread while the loop
/// blocks in `waitForEvents`.
public final class MemoryTerminal: TerminalBackend, @unchecked Sendable {
    private let signal: WakeSignal
    private let lock = NSLock()

    private var _width: Int
    private var _height: Int
    private var _screen: CellBuffer
    private var _lastFrame: CellBuffer?
    private var _frameCount = 0
    private var _cellsWritten = 0
    private var _clipboard: [String] = []
    private var _suspendCount = 0
    private var _isSuspended = false
    private var _isShutDown = false

    public let colorDepth: ColorDepth
    public let waker: any Waker

    public init(width: Int = 80, height: Int = 24, colorDepth: ColorDepth = .palette256) {
        _width = width
        _height = height
        _screen = CellBuffer(width: width, height: height)
        self.colorDepth = colorDepth
        let signal = WakeSignal()
        self.signal = signal
        self.waker = signal
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    public var width: Int { locked { _width } }
    public var height: Int { locked { _height } }

    /// The screen as rebuilt from the runs presented so far.
    public var screen: CellBuffer { locked { _screen } }
    /// The last frame passed to `present`.
    public var lastFrame: CellBuffer? { locked { _lastFrame } }
    /// How many times `present` was called.
    public var frameCount: Int { locked { _frameCount } }
    /// Cells drawn over all frames (continuation cells not counted).
    public var cellsWritten: Int { locked { _cellsWritten } }
    /// Texts passed to `copyToClipboard`, oldest first.
    public var clipboard: [String] { locked { _clipboard } }
    public var suspendCount: Int { locked { _suspendCount } }
    public var isSuspended: Bool { locked { _isSuspended } }
    public var isShutDown: Bool { locked { _isShutDown } }

    /// True when the rebuilt screen shows exactly the last frame (cells and cursor).
    public var screenMatchesLastFrame: Bool {
        locked { _lastFrame.map { $0 == _screen } ?? false }
    }

    /// Queues input for `waitForEvents`.
    public func enqueue(_ events: InputEvent...) { signal.push(events) }
    public func enqueue(_ events: [InputEvent]) { signal.push(events) }

    /// Types each character of `text` as a key press.
    public func type(_ text: String) { signal.push(text.map { .key(KeyPress(.char($0))) }) }

    /// Changes the size and queues the `.resize` event a real terminal would send.
    public func resize(width: Int, height: Int) {
        locked {
            _width = width
            _height = height
        }
        signal.push([.resize(width: width, height: height)])
    }

    public func waitForEvents(timeoutMilliseconds: Int?) -> [InputEvent] {
        signal.wait(timeoutMilliseconds: timeoutMilliseconds)
    }

    public func present(_ frame: CellBuffer, changes: [CellRun]) {
        locked {
            if _screen.width != frame.width || _screen.height != frame.height {
                // After a resize the terminal's contents are undefined: start from blanks.
                _screen = CellBuffer(width: frame.width, height: frame.height)
            }
            for run in changes { _cellsWritten += _screen.apply(run) }
            _screen.cursor = frame.cursor
            _lastFrame = frame
            _frameCount += 1
        }
    }

    public func suspend() {
        locked {
            _suspendCount += 1
            _isSuspended = true
        }
    }

    public func resume() {
        locked {
            _isSuspended = false
            // A real terminal comes back with other contents; force a full redraw next frame.
            _screen = CellBuffer(width: _width, height: _height, fill: Cell("?"))
        }
    }

    public func copyToClipboard(_ text: String) { locked { _clipboard.append(text) } }

    public func shutdown() { locked { _isShutDown = true } }
}

/// The queue and wake-up flag behind `MemoryTerminal`, usable as its `Waker` from any thread.
final class WakeSignal: Waker, @unchecked Sendable {
    private let condition = NSCondition()
    private var events: [InputEvent] = []
    private var woken = false

    func wake() {
        condition.lock()
        woken = true
        condition.broadcast()
        condition.unlock()
    }

    func push(_ new: [InputEvent]) {
        condition.lock()
        events.append(contentsOf: new)
        condition.broadcast()
        condition.unlock()
    }

    /// Returns queued events at once if there are any; otherwise waits for events, a wake-up or the
    /// timeout (nil waits until one of the first two).
    func wait(timeoutMilliseconds: Int?) -> [InputEvent] {
        condition.lock()
        defer { condition.unlock() }
        let deadline = timeoutMilliseconds.map { Date(timeIntervalSinceNow: Double(max(0, $0)) / 1000) }
        while events.isEmpty && !woken {
            if let deadline {
                if !condition.wait(until: deadline) { break }
            } else {
                condition.wait()
            }
        }
        woken = false
        let out = events
        events.removeAll()
        return out
    }
}
