import Foundation
import Platform

/// Runs a command to completion and collects its output (for tests and tools, not the app).
public enum CommandRunner {
    /// What a finished command printed, and how it exited.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `executable` with `arguments`; stdin is `input` (or /dev/null). Kills it after `timeout` seconds.
    public static func run(
        _ executable: String, _ arguments: [String], input: String? = nil, environment: [String: String]? = nil,
        workingDirectory: String? = nil, timeout: Double = 120
    ) throws -> Result {
        let child = try ChildProcess(
            executable: executable, arguments: arguments, environment: environment, workingDirectory: workingDirectory,
            stdin: input == nil ? .null : .pipe, stdout: .pipe, stderr: .pipe
        )
        if let input, let pipe = child.stdinPipe {
            let data = Data(input.utf8)
            DispatchQueue.global().async {
                try? pipe.write(contentsOf: data)
                try? pipe.close()
            }
        }
        let out = OutputCollector(child.stdoutPipe)
        let err = OutputCollector(child.stderrPipe)
        let deadline = Date().addingTimeInterval(timeout)
        while child.exitCodeIfExited() == nil {
            if Date() > deadline {
                child.signal(SIGKILL)
                break
            }
            usleep(5_000)
        }
        let status = child.wait()
        return Result(status: status, stdout: out.finish(), stderr: err.finish())
    }
}
