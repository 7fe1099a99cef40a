import Foundation
import Platform
import RefractTestSupport

/// The real `refract` workbench in tmux, in a private folder (its own HOME, config and sessions),
/// reusing the suite's shared local model servers.
final class WorkbenchInTmux {
    let tmux: TmuxSession
    let folder: URL
    var sessions: URL { folder.appendingPathComponent("sessions") }
    static let binary = PackagePaths.product("refract").path

    /// Starts `refract ARGS` from a shell that records the terminal state after it exits. Tests that
    /// only talk to the fault server pass `localModels: false` and skip the local model servers.
    init(
        _ arguments: [String] = [], width: Int = 120, height: Int = 36, config: String? = nil, extraEnvironment: [String: String] = [:],
        localModels: Bool = true
    ) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw NSError(domain: "e2e", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(Self.binary) is missing: run swift build first (scripts/test does)"])
        }
        if localModels { try SharedLocalModels.shared.ensureRunning(binary: Self.binary) }
        folder = URL(fileURLWithPath: TestRunFolder.makeFolder(prefix: "refract-e2e-workbench"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("config/refract"), withIntermediateDirectories: true)
        var args = ["--sessions", folder.appendingPathComponent("sessions").path] + arguments
        if let config {
            let file = folder.appendingPathComponent("config.toml")
            try config.write(to: file, atomically: true, encoding: .utf8)
            args += ["--config", file.path]
        }
        let quoted = args.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let stty = folder.appendingPathComponent("stty-after.txt").path
        let status = folder.appendingPathComponent("exit-status.txt").path
        // The shell stays a moment after refract so the screen it left behind can be read.
        let command = "sh -c \"\(Self.binary) \(quoted); code=\\$?; echo REFRACT-EXITED \\$code; echo \\$code > \(status); stty -a > \(stty); sleep 20\""
        var env = ["HOME": folder.path, "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
                   "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
                   "XDG_STATE_HOME": folder.appendingPathComponent("state").path, "REFRACT_HOME": PackagePaths.root.path, "EDITOR": "true"]
        env.merge(extraEnvironment) { _, new in new }
        tmux = try TmuxSession(command: command, width: width, height: height, environment: env)
    }

    deinit {
        tmux.kill()
        TestRunFolder.discard(folder.path)
    }

    /// Esc, then a pause so the next key is not read as Alt+key (Esc waits 25 ms for a sequence).
    func escape() throws {
        try tmux.sendKeys("Escape")
        usleep(150_000)
    }

    /// Keys one at a time with a short pause, as a person types them.
    func keys(_ names: String...) throws {
        for name in names {
            try tmux.sendKeys(name)
            usleep(60_000)
        }
    }

    /// Sets max tokens for the next runs through the model switcher (keeps local runs short).
    func setMaxTokens(_ n: Int) throws {
        try keys("C-p")
        try tmux.waitForText("filter")
        try keys("Tab", "Down", "Enter")
        try tmux.type(String(n))
        try keys("Enter")
        try escape()
    }

    /// Once the workbench is up: short answers (20 tokens), then the input and the instruction typed in.
    func writeShortPrompt(input: String, instruction: String) throws {
        try tmux.waitForText("Write a prompt")
        try setMaxTokens(20)
        try keys("M-3")
        try tmux.type(input)
        try keys("M-2")
        try tmux.type(instruction)
    }

    /// Picks a model in the switcher by typing part of its name.
    func pickModel(_ filter: String) throws {
        try keys("C-p")
        try tmux.waitForText("filter")
        try typeFilter(filter)
        try keys("Enter")
    }

    /// The pid of refract itself (the pane runs a shell around it).
    var refractPID: Int32? {
        guard let shell = try? tmux.panePID() else { return nil }
        let out = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return out.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Types `filter` into an open switcher and waits until the first row of the list shows it (the
    /// models may still be arriving, and Enter picks whatever is first).
    func typeFilter(_ filter: String) throws {
        try tmux.type(filter)
        try tmux.waitFor("the switcher to list \(filter) first", timeout: 10) { lines in
            guard let row = lines.firstIndex(where: { $0.contains("filter \(filter)") }), row + 1 < lines.count else { return false }
            return lines[row + 1].contains(filter)
        }
    }

    var screen: String { (try? tmux.capture().joined(separator: "\n")) ?? "" }

    /// refract's exit status, once it has exited (written by the wrapping shell).
    var exitStatus: Int? {
        (try? String(contentsOf: folder.appendingPathComponent("exit-status.txt"), encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The terminal settings after refract exited (written by the wrapping shell).
    var sttyAfterExit: String? { try? String(contentsOf: folder.appendingPathComponent("stty-after.txt"), encoding: .utf8) }

    /// Every session file written.
    var sessionFiles: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: sessions, includingPropertiesForKeys: nil)) ?? []).filter { $0.pathExtension == "jsonl" }
    }
}
