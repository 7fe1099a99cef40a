import Foundation
import Platform

/// A program running inside a private tmux server, driven like a user would: keys in, screen out.
///
/// Each session uses its own tmux socket (`-L`), so tests can run in parallel and never touch the
/// user's tmux.
public final class TmuxSession: @unchecked Sendable {
    /// The screen did not reach the expected state in time; carries the last screen seen.
    public struct Timeout: Error, CustomStringConvertible {
        public var waitingFor: String
        public var screen: [String]
        public var description: String {
            "timed out waiting for \(waitingFor); the screen was:\n" + screen.enumerated().map { String(format: "%2d│", $0.offset) + $0.element }.joined(separator: "\n")
        }
    }

    public let socket: String
    public let tmux: String
    private static let counter = Counter()

    /// Starts `command` (a shell command line) in a new detached session of `width`×`height`.
    public init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        tmux = Self.findTmux()
        socket = "refract-test-\(getpid())-\(Self.counter.next())"
        let env = environment.map { "\($0.key)=\(Self.shellQuote($0.value))" }.sorted().joined(separator: " ")
        let line = "env TERM=tmux-256color LANG=C.UTF-8 \(env) \(command)"
        try tmuxCommand(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", line])
        try tmuxCommand(["set-option", "-t", "main", "remain-on-exit", "on"])
        try tmuxCommand(["set-option", "-g", "status", "off"])
    }

    deinit { kill() }

    @discardableResult
    func tmuxCommand(_ args: [String]) throws -> String {
        let result = try CommandRunner.run(tmux, ["-L", socket] + args, timeout: 20)
        guard result.status == 0 else {
            throw NSError(domain: "tmux", code: Int(result.status), userInfo: [NSLocalizedDescriptionKey: "tmux \(args.joined(separator: " ")): \(result.stderr)"])
        }
        return result.stdout
    }

    /// Sends tmux key names (`C-r`, `Escape`, `Enter`, `F1`, `Up`, `BTab`).
    public func sendKeys(_ keys: String...) throws {
        try tmuxCommand(["send-keys", "-t", "main"] + keys)
    }

    /// Types text literally.
    public func type(_ text: String) throws {
        try tmuxCommand(["send-keys", "-t", "main", "-l", text])
    }

    /// The visible screen, one string per row.
    public func capture() throws -> [String] {
        try tmuxCommand(["capture-pane", "-p", "-t", "main"]).components(separatedBy: "\n").dropLast().map { $0 }
    }

    /// The visible screen without the blank rows at the bottom.
    public func screenWithoutTrailingBlanks() -> [String] {
        var lines = (try? capture()) ?? []
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The window title the program set (an OSC 0/2 from hostile output would change it).
    public func paneTitle() throws -> String {
        try tmuxCommand(["display-message", "-p", "-t", "main", "#{pane_title}"]).trimmingCharacters(in: .newlines)
    }

    /// The tmux paste buffers (an OSC 52 write lands there when set-clipboard allows it).
    public func bufferNames() throws -> [String] {
        (try? tmuxCommand(["list-buffers", "-F", "#{buffer_name}"]))?.split(separator: "\n").map(String.init) ?? []
    }

    /// Sets a global tmux option (`set-clipboard on` lets an OSC 52 write reach the paste buffers).
    public func setGlobalOption(_ name: String, _ value: String) throws {
        try tmuxCommand(["set-option", "-g", name, value])
    }

    public func resize(width: Int, height: Int) throws {
        try tmuxCommand(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the program in the pane.
    public func panePID() throws -> Int32? {
        Int32(try tmuxCommand(["display-message", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Polls the screen every 50 ms until `predicate` holds; throws `Timeout` with the last screen.
    @discardableResult
    public func waitFor(_ description: String, timeout: Double = 20, _ predicate: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) { return screen }
            usleep(50_000)
        }
        throw Timeout(waitingFor: description, screen: screen)
    }

    /// Waits until `text` appears anywhere on the screen.
    @discardableResult
    public func waitForText(_ text: String, timeout: Double = 20) throws -> [String] {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Ends the tmux server (and the program).
    public func kill() {
        _ = try? CommandRunner.run(tmux, ["-L", socket, "kill-server"], timeout: 10)
    }

    static func findTmux() -> String {
        for dir in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/tmux") {
            return "\(dir)/tmux"
        }
        return "tmux"
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    final class Counter: @unchecked Sendable {
        private var n = 0
        private let lock = NSLock()
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            n += 1
            return n
        }
    }
}
