import Foundation
import Platform

/// One `refract local serve` for a whole test process: every refract the tests start reuses its
/// servers (advertised in `.local-model/run/`), and they stop when the test process ends (the serve
/// process watches its stdin pipe).
public final class SharedLocalModels: @unchecked Sendable {
    public static let shared = SharedLocalModels()
    private let lock = NSLock()
    private var process: ChildProcess?
    private var started = false

    /// Starts the servers once (idempotent); throws with the serve command's output when it fails.
    public func ensureRunning(binary: String, timeout: Double = 120) throws {
        lock.lock()
        defer { lock.unlock() }
        if started, let p = process, p.exitCodeIfExited() == nil { return }
        let log = URL(fileURLWithPath: TestRunFolder.base).appendingPathComponent("refract-local-serve-\(getpid()).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let child = try ChildProcess(
            executable: binary, arguments: ["local", "serve", "--until-stdin-closes"],
            environment: ProcessInfo.processInfo.environment.merging(["REFRACT_HOME": PackagePaths.root.path]) { _, new in new },
            stdin: .pipe, stdout: .fileDescriptor(handle.fileDescriptor), stderr: .fileDescriptor(handle.fileDescriptor)
        )
        try? handle.close()
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if text.contains("local:gemma3-270m http") { break }
            if let code = child.exitCodeIfExited() {
                throw Self.failure("refract local serve exited \(code)", log: text)
            }
            if Date() >= deadline {
                // A server that never came up must fail here, with its log, not later as an unrelated failure.
                child.terminate(grace: 1)
                throw Self.failure("refract local serve did not start the local models within \(Int(timeout)) s", log: text)
            }
            usleep(100_000)
        }
        process = child
        started = true
    }

    private static func failure(_ what: String, log: String) -> NSError {
        NSError(domain: "SharedLocalModels", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(what); its log:\n\(log)"])
    }
}
