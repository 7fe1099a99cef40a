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
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("refract-local-serve-\(getpid()).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let child = try ChildProcess(
            executable: binary, arguments: ["local", "serve", "--until-stdin-closes"],
            environment: ProcessInfo.processInfo.environment.merging(["REFRACT_HOME": PackagePaths.root.path]) { _, new in new },
            stdin: .pipe, stdout: .fileDescriptor(handle.fileDescriptor), stderr: .fileDescriptor(handle.fileDescriptor)
        )
        try? handle.close()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if text.contains("local:gemma3-270m http") { break }
            if let code = child.exitCodeIfExited() {
                throw NSError(domain: "SharedLocalModels", code: Int(code), userInfo: [NSLocalizedDescriptionKey: "refract local serve exited \(code): \(text)"])
            }
            usleep(100_000)
        }
        process = child
        started = true
    }
}
